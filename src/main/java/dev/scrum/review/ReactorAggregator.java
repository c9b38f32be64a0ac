package dev.scrum.review;

import dev.scrum.report.DocumentInfo;
import dev.scrum.report.FileReview;
import dev.scrum.report.Injection;
import dev.scrum.report.JsonReportReader;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.RunReport;
import dev.scrum.report.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One review of a whole reactor from its modules' reviews: every module's files, their paths seen from the
 * reactor's root ({@code core/src/main/java/…}), the modules' documents and ladders listed once each.
 */
public final class ReactorAggregator {

    /**
     * A module's review.
     *
     * @param path the module's directory relative to the reactor's root, with {@code /} ({@code ""} for the root)
     * @param run what the module's review wrote
     */
    public record ModuleRun(String path, RunReport run) {}

    private ReactorAggregator() {}

    /** Reads the review a module wrote to {@code scrumDirectory}, or nothing when it wrote none. */
    public static java.util.Optional<ModuleRun> read(String modulePath, Path scrumDirectory) throws IOException {
        if (!Files.isRegularFile(scrumDirectory.resolve(ReportLayout.SUMMARY))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ModuleRun(modulePath, JsonReportReader.read(scrumDirectory)));
    }

    /** The reactor's review: every module's files under their module's path, one list of documents and rungs. */
    public static RunReport aggregate(List<ModuleRun> modules) {
        if (modules.isEmpty()) {
            throw new ConfigurationException("modules", "No module of the reactor wrote a review: run "
                    + "scrum:review in the modules first, e.g. mvn verify scrum:aggregate");
        }
        List<FileReview> reviews = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Set<String> ladder = new LinkedHashSet<>();
        Map<String, DocumentInfo> documents = new LinkedHashMap<>();
        Set<String> embedders = new LinkedHashSet<>();
        Set<String> retrievals = new LinkedHashSet<>();
        Set<Injection> documentInjections = new LinkedHashSet<>();
        for (ModuleRun m : modules) {
            m.run().reviews().forEach(r -> reviews.add(r.inModule(m.path())));
            m.run().skipped().forEach(f -> skipped.add(new SkippedFile(prefixed(m.path(), f.file()), f.reason())));
            ladder.addAll(m.run().ladder());
            m.run().documents().forEach(d -> documents.putIfAbsent(d.label() + "|" + d.chars() + "|" + d.chunks(), d));
            embedders.add(m.run().embedder());
            m.run().documentInjections().forEach(i -> documentInjections.add(i.inModule(m.path())));
            if (m.run().retrieval() != null) {
                retrievals.add(m.run().retrieval());
            }
        }
        reviews.sort(Comparator.comparing(FileReview::file));
        skipped.sort(Comparator.comparing(SkippedFile::file));
        Instant ranAt = modules.stream().map(m -> m.run().ranAt()).min(Comparator.naturalOrder()).orElseThrow();
        long duration = modules.stream().mapToLong(m -> m.run().totalDurationMs()).sum();
        boolean dryRun = modules.stream().allMatch(m -> m.run().dryRun());
        return RunReport.builder().ranAt(ranAt).dryRun(dryRun).reviews(reviews).skipped(skipped)
                .ladder(List.copyOf(ladder)).embedder(String.join(", ", embedders))
                .documents(List.copyOf(documents.values())).totalDurationMs(duration)
                .retrieval(retrievals.isEmpty() ? null : String.join(", ", retrievals))
                .documentInjections(List.copyOf(documentInjections))
                .servers(modules.stream().flatMap(m -> m.run().servers().stream()).toList()).build();
    }

    private static String prefixed(String prefix, String file) {
        return prefix.isEmpty() ? file : prefix + "/" + file;
    }
}
