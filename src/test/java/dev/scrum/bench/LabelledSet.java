package dev.scrum.bench;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.Document;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.chunk.Outline;
import dev.scrum.chunk.Section;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A labelled retrieval set: a project's source files, its PRD (and proposal), and for each labelled file the
 * headings of the PRD sections a good retriever must return for it.
 *
 * <p>A retrieved passage "is" a labelled section when the heading path of the section it starts in ends with the
 * label, or when it covers the labelled section's heading (a character window running into it). A file counts
 * for recall@k when one of its labelled sections is among its top k PRD passages.
 *
 * @param name what the benchmark table calls it
 * @param dir the project directory
 * @param prd the PRD
 * @param proposal the proposal, or {@code null}
 * @param labels file path (relative to {@code dir}, with {@code /}) to the headings its passages must include
 * @param codeOnly whether the files are read without their comments (a poorly documented code base)
 */
record LabelledSet(String name, Path dir, Document prd, Document proposal, Map<String, List<String>> labels,
        boolean codeOnly) {

    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");

    /** The repository's root, where {@code example/} and {@code src/} are. */
    static final Path ROOT = Path.of(System.getProperty("user.dir"));

    /** The ledgerly fixture, with the PRD in {@code docs/PRD.md} or {@code docs/PRD.adoc}. */
    static LabelledSet ledgerly(String prdFile) {
        Path dir = ledgerlyDir();
        return load("ledgerly " + prdFile.substring(prdFile.lastIndexOf('.') + 1), dir, "docs/" + prdFile,
                "docs/PROPOSAL.md", "labels.properties");
    }

    /** Where the ledgerly fixture is: {@code -Dledgerly.dir} or the test resources. */
    static Path ledgerlyDir() {
        return Path.of(System.getProperty("ledgerly.dir", ROOT.resolve("src/test/resources/retrieval/ledgerly").toString()));
    }

    /** The open sets taken from real projects' own documentation and code (each directory's README says whence). */
    static final List<String> OPEN = List.of("javapoet", "micrometer", "enforcer", "userwords");

    /**
     * An open set under {@code src/test/resources/retrieval/<name>}: its guide in {@code docs/GUIDE.md} or
     * {@code docs/GUIDE.adoc} is the PRD, {@code labels.properties} its labels; {@code null} when it is not there.
     */
    static LabelledSet open(String name) {
        Path dir = ROOT.resolve("src/test/resources/retrieval").resolve(name);
        for (String guide : List.of("docs/GUIDE.md", "docs/GUIDE.adoc")) {
            if (Files.isRegularFile(dir.resolve(guide))) {
                return load(name, dir, guide, "docs/PROPOSAL.md", "labels.properties");
            }
        }
        return null;
    }

    /** Every open set that is there, each also without its comments. */
    static List<LabelledSet> openSets() {
        List<LabelledSet> out = new ArrayList<>();
        for (String name : OPEN) {
            LabelledSet set = open(name);
            if (set != null) {
                out.add(set);
                out.add(set.withoutComments());
            }
        }
        return out;
    }

    /** The bundled example project. */
    static LabelledSet example() {
        return load("example", ROOT.resolve("example"), "docs/PRD.md", "docs/PROPOSAL.md",
                "expected-sections.properties");
    }

    static LabelledSet load(String name, Path dir, String prd, String proposal, String labelFile) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(labelFile), StandardCharsets.UTF_8)) {
            p.load(r);
            Map<String, List<String>> labels = new TreeMap<>();
            p.stringPropertyNames().forEach(f -> labels.put(f,
                    Arrays.stream(p.getProperty(f).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
            Path proposalPath = dir.resolve(proposal);
            return new LabelledSet(name, dir, read(DocumentKind.PRD, dir.resolve(prd)),
                    Files.isRegularFile(proposalPath) ? read(DocumentKind.PROPOSAL, proposalPath) : null, labels, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document read(DocumentKind kind, Path path) throws IOException {
        return new Document(kind, path, Files.readString(path, StandardCharsets.UTF_8));
    }

    /** The same set, its files read without their comments: only identifiers and strings say what a file is about. */
    LabelledSet withoutComments() {
        return new LabelledSet(name + ", code only", dir, prd, proposal, labels, true);
    }

    /** The file's text. */
    String source(String file) {
        try {
            String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            return codeOnly ? COMMENT.matcher(text).replaceAll("") : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code passage} is one of {@code wanted}'s sections. */
    boolean matches(Outline outline, Chunk passage, List<String> wanted) {
        Section at = outline.sectionAt(passage.offset());
        if (at != null && labelled(at, wanted)) {
            return true;
        }
        int end = passage.offset() + passage.length();
        return outline.sections().stream()
                .anyMatch(s -> s.start() > passage.offset() && s.start() < end && labelled(s, wanted));
    }

    private static boolean labelled(Section s, List<String> wanted) {
        return s.path() != null && wanted.stream().anyMatch(w -> s.path().equals(w)
                || s.path().endsWith(Section.PATH_SEPARATOR + w));
    }

    /** Recall@5 and MRR@10 of one ranking per file, and the files that missed. */
    record Score(double recallAt5, double mrr, List<String> misses) {}

    /** Scores rankings of the PRD's passages (best first, at least 10 where there are) per labelled file. */
    Score score(Map<String, List<ScoredChunk>> rankings) {
        Outline outline = Outline.of(prd);
        int hits = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : labels.entrySet()) {
            List<ScoredChunk> ranked = rankings.getOrDefault(e.getKey(), List.of());
            int first = 0;
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                if (matches(outline, ranked.get(i).chunk(), e.getValue())) {
                    first = i + 1;
                    break;
                }
            }
            if (first >= 1 && first <= 5) {
                hits++;
            } else {
                misses.add(e.getKey() + " wants " + e.getValue() + ", top 5: " + ranked.stream().limit(5)
                        .map(s -> String.valueOf(s.chunk().heading())).toList());
            }
            reciprocal += first == 0 ? 0 : 1.0 / first;
        }
        int n = labels.size();
        return new Score((double) hits / n, reciprocal / n, misses);
    }

    /** The labelled files and their text, in order. */
    Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        labels.keySet().forEach(f -> out.put(f, source(f)));
        return out;
    }
}
