package dev.scrum.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This plugin as a tool: its name, version and home, from {@code tool.properties}, which the build fills in
 * from the POM (resource filtering of {@code src/main/resources-filtered}).
 *
 * @param name the artifactId
 * @param version the plugin's version
 * @param informationUri where to read about it
 */
record ToolInfo(String name, String version, String informationUri) {

    private static final ToolInfo CURRENT = load();

    /** The running plugin's. */
    public static ToolInfo current() {
        return CURRENT;
    }

    private static ToolInfo load() {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("tool.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // outside a build of its POM (an IDE that does not filter resources) the plugin still runs, as "unknown"
        String version = p.getProperty("version", "unknown");
        return new ToolInfo(p.getProperty("name", "scrum-maven-plugin"), version.startsWith("${") ? "unknown" : version,
                p.getProperty("informationUri", "https://central.sonatype.com/artifact/dev.scrum/scrum-maven-plugin"));
    }
}
