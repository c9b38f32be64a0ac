package dev.scrum.bench;

import dev.scrum.embed.EmbeddingSettings;
import dev.scrum.review.HttpModelServices;
import dev.scrum.review.Progress;
import dev.scrum.review.ReviewRequest;
import dev.scrum.review.Reviewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("benchmark")
class ScratchTimingBenchmark {
    @TempDir Path dir;
    @Test
    void time() throws Exception {
        StringBuilder prd = new StringBuilder();
        for (int i = 0; prd.length() < 100_000; i++) prd.append("## Section ").append(i).append("\n\nThe service records every event ").append(i).append(" with its amount within seconds, and the audit trail keeps it for years.\n\n");
        Files.writeString(dir.resolve("PRD.md"), prd);
        List<String> files = new ArrayList<>();
        Files.createDirectories(dir.resolve("src"));
        for (int i = 0; i < 48; i++) { StringBuilder b = new StringBuilder("class S" + i + " {\n"); while (b.length() < 2000) b.append("  long handle").append(b.length()).append("(long a) { return a * ").append(i).append("; }\n"); b.append("}\n"); Files.writeString(dir.resolve("src/S" + i + ".java"), b); files.add("src/S" + i + ".java"); }
        Progress loud = new Progress() { public void info(String l) { if (!l.startsWith("[")) System.out.println(System.currentTimeMillis() % 100000 + " " + l); } public void warn(String l) { System.out.println(l); } };
        for (int threads : new int[] {1, 8}) {
            long t = System.nanoTime();
            try (HttpModelServices s = new HttpModelServices()) {
                new Reviewer(s, loud).run(new ReviewRequest(dir, files, dir.resolve("PRD.md"), null, List.of(), EmbeddingSettings.local(), 800, 120, 5, 100, threads, dir.resolve("target"), true, 1 << 20));
            }
            System.out.println("threads " + threads + " dry run: " + (System.nanoTime() - t) / 1_000_000 + " ms");
        }
    }
}
