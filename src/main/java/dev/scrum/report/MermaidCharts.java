package dev.scrum.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The report's charts as Mermaid blocks, which GitHub and GitLab render where the markdown is shown. */
final class MermaidCharts {

    private MermaidCharts() {}

    /** A bar chart of how many files got each alignment score (and none, when a review gave none). */
    static String scores(int[] counts) {
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            labels.add("\"" + s + "\"");
            values.add(counts[s]);
        }
        if (counts[0] > 0) {
            labels.add("\"none\"");
            values.add(counts[0]);
        }
        // at least 10: below that Mermaid's axis counts files in tenths
        int max = Math.max(10, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        return "```mermaid\nxychart-beta\n    title \"Files by alignment score\"\n    x-axis \"score\" ["
                + String.join(", ", labels) + "]\n    y-axis \"files\" 0 --> " + max + "\n    bar ["
                + values.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]\n```\n";
    }

    /** A pie of the rung each file was accepted on, and of the unresolved files. */
    static String acceptedOn(List<RunOverview.RungUse> ladder, int unresolved) {
        StringBuilder md = new StringBuilder("```mermaid\npie showData\n    title Files by the rung that accepted them\n");
        for (RunOverview.RungUse u : ladder) {
            if (u.accepted() > 0) {
                md.append("    \"").append(label((u.n() > 0 ? "#" + u.n() + " " : "") + u.rung())).append("\" : ")
                        .append(u.accepted()).append('\n');
            }
        }
        if (unresolved > 0) {
            md.append("    \"unresolved\" : ").append(unresolved).append('\n');
        }
        return md.append("```\n").toString();
    }

    /** Text safe inside a quoted Mermaid label. */
    static String label(String s) {
        return IntStream.range(0, s.length()).map(s::charAt)
                .map(c -> c == '"' ? '\'' : Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
