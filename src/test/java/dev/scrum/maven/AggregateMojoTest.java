package dev.scrum.maven;

import static dev.scrum.report.FindingFixtures.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import dev.scrum.report.Baseline;
import dev.scrum.report.BaselineFile;
import dev.scrum.report.FindingFixtures;
import dev.scrum.report.Fingerprint;
import dev.scrum.report.JsonReportReader;
import dev.scrum.report.RunReport;
import dev.scrum.review.ShardMerger;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scrum:aggregate}'s gate: the one decision for a reactor whose modules' reviews left it to it. */
@MojoTest
class AggregateMojoTest {

    private static final String CORE_ORDERS = "core/" + ORDERS;

    @TempDir
    Path tmp;

    private List<String> infos;

    /** A reactor at {@code tmp} whose module {@code core} reviewed the fixtures' run (marked by {@code known}). */
    private AggregateMojo reactor(AggregateMojo mojo, Baseline known) throws Exception {
        MavenProject root = project(tmp);
        MavenProject core = project(tmp.resolve("core"));
        ShardMerger.write(known.mark(FindingFixtures.run(tmp)), Path.of(core.getBuild().getDirectory()),
                tmp.resolve("core"), null);
        when(mojo.session.getProjects()).thenReturn(List.of(root, core));
        mojo.project = root;
        mojo.aggregateDirectory = tmp.resolve("target/scrum-aggregate").toFile();
        mojo.failOnUnresolved = false;
        infos = LogLines.infos(mojo);
        return mojo;
    }

    private static MavenProject project(Path dir) {
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        return project;
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "aggregate", pom = "pom.xml")
    void aNewGapOfAFailOnGapsKindInAModuleFailsTheReactorNamingItAndTheAggregateReport(AggregateMojo mojo)
            throws Exception {
        reactor(mojo, Baseline.NONE).failOnGaps = List.of("missing");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("1 new gap(s) of kind missing (failOnGaps): " + CORE_ORDERS + ", no line, missing `cancel`: "
                + "Orders cannot be cancelled. See " + tmp.resolve("target/scrum-aggregate/scrum-report.md"),
                e.getMessage());
        assertTrue(Files.isRegularFile(tmp.resolve("target/scrum-aggregate/scrum/summary.json")),
                "the reports are written before the gate");
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "aggregate", pom = "pom.xml")
    void aBaselineOfTheAggregateReportMakesTheGapKnown(AggregateMojo mojo) throws Exception {
        reactor(mojo, Baseline.NONE).failOnGaps = List.of("missing");
        assertThrows(MojoFailureException.class, mojo::execute);
        // what mvn -N scrum:baseline -Dscrum.outputDirectory=target/scrum-aggregate writes: the reactor's paths
        RunReport aggregated = JsonReportReader.read(tmp.resolve("target/scrum-aggregate/scrum"));
        Path baselineFile = tmp.resolve("scrum-baseline.json");
        BaselineFile.write(baselineFile, aggregated);
        mojo.baseline = baselineFile.toFile();
        mojo.execute();
        assertTrue(infos.contains("Baseline " + baselineFile + ": 0 new, 7 known finding(s)"), infos.toString());
        assertTrue(infos.contains("No new gap of kind missing (failOnGaps) (1 known gap(s) of those kinds are in the "
                + "baseline)"), infos.toString());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "aggregate", pom = "pom.xml")
    void withoutABaselineTheModulesOwnMarksDecide(AggregateMojo mojo) throws Exception {
        Baseline moduleBaseline = new Baseline(Path.of("core/scrum-baseline.json"),
                Set.of(Fingerprint.of(ORDERS, FindingFixtures.ordersFindings().get(2))));
        reactor(mojo, moduleBaseline).failOnGaps = List.of("missing");
        mojo.execute();
        assertTrue(infos.contains("No new gap of kind missing (failOnGaps) (1 known gap(s) of those kinds are in the "
                + "baseline)"), infos.toString());
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "aggregate", pom = "pom.xml")
    void theGateParametersAreValidatedAsEveryGoalDoes(AggregateMojo mojo) throws Exception {
        reactor(mojo, Baseline.NONE).failOnGaps = List.of("absent");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("<failOnGaps> (scrum.failOnGaps) names 'absent', which is no gap kind"),
                e.getMessage());
        mojo.failOnGaps = null;
        mojo.minScore = -1;
        e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("<minScore> (scrum.minScore) is -1: use 0 (off) to 10; scores run from 1 to 10", e.getMessage());
        mojo.minScore = 0;
        mojo.baseline = new File(tmp.toFile(), "no-such-baseline.json");
        e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("<baseline> (scrum.baseline) cannot be read: "), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("target/scrum-aggregate")), "nothing is written before the checks");
    }

    @Test
    @Basedir("/projects/merge")
    @InjectMojo(goal = "aggregate", pom = "pom.xml")
    void skipAggregatesNothingAndLogsOneLine(AggregateMojo mojo) throws Exception {
        reactor(mojo, Baseline.NONE).failOnGaps = List.of("missing");
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of("Skipping the aggregate (scrum.skip=true)"), infos);
        assertFalse(Files.exists(tmp.resolve("target/scrum-aggregate")));
    }
}
