package dev.scrum.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The HTML report's charts, drawn as inline SVG (no script, no network); colours come from the page's CSS. */
final class SvgCharts {

    /** One bar: its label, its value and the CSS class that colours it. */
    record Bar(String label, int value, String css) {}

    private static final int LABEL_CHARS = 40;

    private SvgCharts() {}

    /** Files by alignment score, 1 to 10 (and none, when a review gave none): a column each. */
    static String scores(int[] counts) {
        List<Bar> bars = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            bars.add(new Bar(String.valueOf(s), counts[s], s <= 4 ? "low" : s <= 7 ? "mid" : "high"));
        }
        if (counts[0] > 0) {
            bars.add(new Bar("none", counts[0], "none"));
        }
        return columns("Files by alignment score", "score", bars);
    }

    /** Files by the rung that accepted them, and the unresolved ones: a row each. */
    static String acceptedOn(List<RunOverview.RungUse> ladder, int unresolved) {
        List<Bar> bars = new ArrayList<>();
        for (RunOverview.RungUse u : ladder) {
            bars.add(new Bar((u.n() > 0 ? "#" + u.n() + " " : "") + u.rung(), u.accepted(), "rung"));
        }
        if (unresolved > 0) {
            bars.add(new Bar("unresolved", unresolved, "low"));
        }
        return rows("Files by the rung that accepted them", bars);
    }

    static String columns(String title, String axis, List<Bar> bars) {
        int w = 36;
        int gap = 10;
        int plot = 150;
        int left = 16;
        int width = left * 2 + bars.size() * (w + gap);
        int height = plot + 60;
        int max = Math.max(1, bars.stream().mapToInt(Bar::value).max().orElse(1));
        StringBuilder svg = open(title, width, height);
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(plot + 20).append("\" x2=\"")
                .append(width - left).append("\" y2=\"").append(plot + 20).append("\"/>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int h = (int) Math.round((double) b.value() * plot / max);
            int x = left + i * (w + gap) + gap / 2;
            svg.append("<g class=\"bar ").append(Html.esc(b.css())).append("\"><title>")
                    .append(Html.esc(axis + " " + b.label() + ": " + b.value() + " file(s)")).append("</title>");
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(plot + 20 - h).append("\" width=\"").append(w)
                    .append("\" height=\"").append(h).append("\"/>");
            svg.append(text(x + w / 2.0, plot + 14 - h, "value", String.valueOf(b.value())));
            svg.append(text(x + w / 2.0, plot + 38, "label", b.label())).append("</g>\n");
        }
        svg.append(text(width / 2.0, height - 4, "axis-title", axis));
        return svg.append("</svg>").toString();
    }

    static String rows(String title, List<Bar> bars) {
        int label = 290;
        int plot = 240;
        int h = 22;
        int gap = 8;
        int width = label + plot + 50;
        int height = 10 + bars.size() * (h + gap);
        int max = Math.max(1, bars.stream().mapToInt(Bar::value).max().orElse(1));
        StringBuilder svg = open(title, width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * (h + gap);
            int len = (int) Math.round((double) b.value() * plot / max);
            String name = b.label().length() <= LABEL_CHARS ? b.label()
                    : b.label().substring(0, LABEL_CHARS - 1) + "…";
            svg.append("<g class=\"bar ").append(Html.esc(b.css())).append("\"><title>")
                    .append(Html.esc(b.label() + ": " + b.value() + " file(s)")).append("</title>");
            svg.append(text(label - 8, y + h * 0.7, "label end", name));
            svg.append("<rect x=\"").append(label).append("\" y=\"").append(y).append("\" width=\"").append(len)
                    .append("\" height=\"").append(h).append("\"/>");
            svg.append(text(label + len + 6, y + h * 0.7, "value start", String.valueOf(b.value()))).append("</g>\n");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" aria-label=\"").append(Html.esc(title)).append("\">\n");
    }

    private static String text(double x, double y, String css, String s) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\">%s</text>", css, x, y, Html.esc(s));
    }
}
