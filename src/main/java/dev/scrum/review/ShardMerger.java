package dev.scrum.review;

import dev.scrum.report.FileReview;
import dev.scrum.report.JsonReportReader;
import dev.scrum.report.ReportContext;
import dev.scrum.report.ReportDocuments;
import dev.scrum.report.ReportFormats;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Merges the {@code scrum/} directories of sharded runs ({@code -Dscrum.shard=i/n}) into the report one
 * unsharded run would have written: the same files in path order, {@code ran_at} the earliest shard's,
 * durations added, ladder, embedder and documents the shards'. Refuses shards that do not belong together
 * (a file in two shards, a shard missing or twice, different ladders, embedders, documents or modes), naming
 * the shards' directories. Knows nothing of Maven.
 */
public final class ShardMerger {

    /** The parameter {@link ConfigurationException}s name. */
    static final String PARAMETER = "shardDirectories";

    private static final String FIX = "put each shard's scrum/ directory (the one holding summary.json) there, or set "
            + "<" + PARAMETER + "> (-Dscrum." + PARAMETER + "=dir1,dir2) to the directories holding them";

    /** One shard's run and the directory it was read from. */
    public record ShardRun(Path directory, RunReport run) {}

    private ShardMerger() {}

    /**
     * Every directory at or below {@code roots} that holds a {@code summary.json}, sorted, except
     * {@code exclude} (the merge's own {@code scrum/} directory, so that a re-run does not merge its output).
     *
     * @throws ConfigurationException when a root does not exist or nothing is found
     */
    public static List<Path> find(List<Path> roots, Path exclude) throws IOException {
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new ConfigurationException(PARAMETER, "<" + PARAMETER + "> entry " + root
                        + " is not a directory: " + FIX);
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> Files.isRegularFile(p.resolve(ReportLayout.SUMMARY)))
                        .map(p -> p.toAbsolutePath().normalize())
                        .filter(p -> !p.equals(skip) && !found.contains(p))
                        .forEach(found::add);
            }
        }
        if (found.isEmpty()) {
            throw new ConfigurationException(PARAMETER, "No " + ReportLayout.SUMMARY + " found in or below "
                    + roots.stream().map(Path::toString).collect(Collectors.joining(", ")) + ": " + FIX);
        }
        return found.stream().sorted().toList();
    }

    /** Reads each directory's run. */
    public static List<ShardRun> read(List<Path> directories) throws IOException {
        List<ShardRun> shards = new ArrayList<>();
        for (Path d : directories) {
            shards.add(new ShardRun(d, JsonReportReader.read(d)));
        }
        return shards;
    }

    /**
     * The shards as one unsharded run.
     *
     * @throws ConfigurationException when the shards do not belong together
     */
    public static RunReport merge(List<ShardRun> shards) {
        if (shards.isEmpty()) {
            throw new ConfigurationException(PARAMETER, "No shard to merge: " + FIX);
        }
        ShardRun first = shards.get(0);
        for (ShardRun s : shards.subList(1, shards.size())) {
            agree("mode", first, s, r -> r.dryRun() ? "dry run" : "review");
            agree("ladder", first, s, r -> String.join(", ", r.ladder()));
            agree("embedder", first, s, RunReport::embedder);
            agree("documents", first, s, r -> r.documents().stream()
                    .map(d -> d.label() + " of " + d.chars() + " characters in " + d.chunks() + " passages")
                    .collect(Collectors.joining(", ")));
        }
        checkCoverage(shards);
        Map<String, Path> seen = new HashMap<>();
        List<FileReview> reviews = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (ShardRun s : shards) {
            for (FileReview r : s.run().reviews()) {
                claim(seen, r.file(), s.directory());
                reviews.add(r);
            }
            for (SkippedFile f : s.run().skipped()) {
                claim(seen, f.file(), s.directory());
                skipped.add(f);
            }
        }
        reviews.sort(Comparator.comparing(FileReview::file));
        skipped.sort(Comparator.comparing(SkippedFile::file));
        RunReport model = first.run();
        Instant ranAt = shards.stream().map(s -> s.run().ranAt()).min(Comparator.naturalOrder()).orElseThrow();
        long duration = shards.stream().mapToLong(s -> s.run().totalDurationMs()).sum();
        return RunReport.builder()
                .ranAt(ranAt)
                .dryRun(model.dryRun())
                .reviews(reviews)
                .skipped(skipped)
                .ladder(model.ladder())
                .embedder(model.embedder())
                .documents(model.documents())
                .totalDurationMs(duration)
                .retrieval(model.retrieval())
                .documentInjections(model.documentInjections())
                .servers(shards.stream().flatMap(s -> s.run().servers().stream()).toList())
                .build();
    }

    /**
     * Writes every report format ({@link ReportFormats#ALL}) under {@code outputDirectory}, as {@link Reviewer}
     * does; the reports' PRD sections only when the documents are still where the runs read them.
     *
     * @param baseDir the project's base directory, which the run's paths are relative to
     * @param stepSummary the CI's step-summary file, or {@code null}
     */
    public static ReviewResult write(RunReport run, Path outputDirectory, Path baseDir, Path stepSummary)
            throws IOException {
        ReportLayout layout = new ReportLayout(outputDirectory);
        ReportContext context = new ReportContext(layout, ReportDocuments.read(run.documents()), baseDir, stepSummary);
        return new ReviewResult(run, layout, ReportFormats.writeAll(run, context));
    }

    private static void agree(String what, ShardRun a, ShardRun b, Function<RunReport, String> f) {
        String x = f.apply(a.run());
        String y = f.apply(b.run());
        if (!Objects.equals(x, y)) {
            throw new ConfigurationException(PARAMETER, "The shards disagree on the " + what + ": " + x + " in "
                    + a.directory() + ", " + y + " in " + b.directory()
                    + ". Run every shard of one merge with the same configuration.");
        }
    }

    /** Sharded runs must be {@code 1/n} to {@code n/n}, each once; unsharded ones are merged as given. */
    private static void checkCoverage(List<ShardRun> shards) {
        Map<Integer, Path> byIndex = new TreeMap<>();
        Integer count = null;
        ShardRun counted = null;
        for (ShardRun s : shards) {
            String spec = s.run().shard();
            if (spec == null) {
                continue;
            }
            Shard shard = Shard.parse(spec);
            if (count != null && count != shard.count()) {
                throw new ConfigurationException(PARAMETER, "The shards disagree on their number: "
                        + counted.run().shard() + " in " + counted.directory() + ", " + spec + " in " + s.directory()
                        + ". Merge the shards of one run, all made with the same n in -Dscrum.shard=i/n.");
            }
            count = shard.count();
            counted = s;
            Path other = byIndex.put(shard.index(), s.directory());
            if (other != null) {
                throw new ConfigurationException(PARAMETER, "Shard " + spec + " appears twice: in " + other + " and in "
                        + s.directory() + ". Keep one of them.");
            }
        }
        if (count == null) {
            return;
        }
        String n = "/" + count;
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + n);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException(PARAMETER, "Shard(s) " + String.join(", ", missing) + " missing (found "
                    + byIndex.keySet().stream().map(i -> i + n).collect(Collectors.joining(", "))
                    + "): a merge of some shards would gate on part of the files; " + FIX);
        }
        if (shards.stream().anyMatch(s -> s.run().shard() == null)) {
            throw new ConfigurationException(PARAMETER, "Sharded and unsharded runs are mixed: "
                    + shards.stream().filter(s -> s.run().shard() == null).map(s -> s.directory().toString())
                            .collect(Collectors.joining(", "))
                    + " hold(s) an unsharded run. Merge only the shards of one run.");
        }
    }

    private static void claim(Map<String, Path> seen, String file, Path directory) {
        Path other = seen.putIfAbsent(file, directory);
        if (other != null) {
            throw new ConfigurationException(PARAMETER, file + " appears in two shards: " + other + " and "
                    + directory + ". Merge the shards of one run, each made with a different i of -Dscrum.shard=i/n.");
        }
    }
}
