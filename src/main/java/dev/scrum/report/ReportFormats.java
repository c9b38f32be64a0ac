package dev.scrum.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every report format, registered once: reviews, merges and aggregates write this list. */
public final class ReportFormats {

    public static final ReportFormat JSON = format("JSON", c -> c.layout().summary(),
            (run, c, target) -> JsonReportWriter.writeAll(c.layout(), run));
    public static final ReportFormat MARKDOWN = format("Report", c -> c.layout().markdown(),
            (run, c, target) -> MarkdownReportWriter.write(target, run, c.documents()));
    public static final ReportFormat HTML = format("HTML report", c -> c.layout().html(),
            (run, c, target) -> HtmlReportWriter.write(target, run, c.documents()));
    public static final ReportFormat SARIF = format("SARIF", c -> c.layout().sarif(),
            (run, c, target) -> SarifWriter.write(target, run, SourceRoot.of(c.baseDir())));
    public static final ReportFormat GITLAB_CODE_QUALITY = format("GitLab Code Quality",
            c -> c.layout().gitlabCodeQuality(),
            (run, c, target) -> GitLabCodeQualityWriter.write(target, run, SourceRoot.of(c.baseDir())));
    public static final ReportFormat STEP_SUMMARY = new ReportFormat() {
        @Override
        public String name() {
            return "Step summary";
        }

        @Override
        public Path target(ReportContext context) {
            return context.stepSummary();
        }

        @Override
        public void write(RunReport run, ReportContext context, Path target) throws IOException {
            StepSummary.append(target, run, context.layout().markdown());
        }

        @Override
        public boolean optional() {
            return true;
        }
    };

    /** In the order they are written: the JSON first, the step summary last. */
    public static final List<ReportFormat> ALL = List.of(JSON, MARKDOWN, HTML, SARIF, GITLAB_CODE_QUALITY,
            STEP_SUMMARY);

    private ReportFormats() {}

    /**
     * Writes every format that has a target for this run.
     *
     * @return what was written, in {@link #ALL}'s order, with the problem of each optional one that failed
     * @throws IOException when a report that is not optional cannot be written
     */
    public static List<WrittenReport> writeAll(RunReport run, ReportContext context) throws IOException {
        List<WrittenReport> written = new ArrayList<>();
        for (ReportFormat format : ALL) {
            Path target = format.target(context);
            if (target == null) {
                continue;
            }
            try {
                format.write(run, context, target);
                written.add(new WrittenReport(format.name(), target, null));
            } catch (IOException | RuntimeException e) {
                if (!format.optional()) {
                    throw e;
                }
                written.add(new WrittenReport(format.name(), target, String.valueOf(e.getMessage())));
            }
        }
        return written;
    }

    /** A format writing one file. */
    private interface Writing {
        void write(RunReport run, ReportContext context, Path target) throws IOException;
    }

    private static ReportFormat format(String name, Function<ReportContext, Path> target, Writing writing) {
        return new ReportFormat() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Path target(ReportContext context) {
                return target.apply(context);
            }

            @Override
            public void write(RunReport run, ReportContext context, Path to) throws IOException {
                writing.write(run, context, to);
            }
        };
    }
}
