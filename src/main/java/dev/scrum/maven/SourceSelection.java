package dev.scrum.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.codehaus.plexus.util.DirectoryScanner;

/**
 * Selects the files to review, with Maven's own include/exclude semantics (plexus-utils' DirectoryScanner,
 * as the resources and compiler plugins use): explicit {@code files}; else {@code includes} minus
 * {@code excludes}; else every file under the compile source roots outside the build directory. Links to
 * directories are never descended (so a link to a parent cannot loop, and one out of the project lists
 * nothing there): each one the walk meets that is not excluded is selected itself, for the review to list as
 * skipped with where it leads. A link to a file is selected like a file; the review checks where it leads.
 */
final class SourceSelection {

    private SourceSelection() {}

    /**
     * @return paths relative to {@code baseDir}, with {@code /}, sorted
     */
    static List<String> select(Path baseDir, List<String> files, List<String> includes, List<String> excludes,
            List<String> compileSourceRoots, Path buildDirectory) throws MojoExecutionException {
        Path base = baseDir.toAbsolutePath().normalize();
        if (files != null && !files.isEmpty()) {
            return explicit(base, files);
        }
        List<String> inc = new ArrayList<>();
        if (includes != null && !includes.isEmpty()) {
            inc.addAll(includes);
        } else {
            for (String root : compileSourceRoots) {
                Path r = base.resolve(root).normalize();
                if (Files.isDirectory(r) && r.startsWith(base) && !(buildDirectory != null && r.startsWith(buildDirectory))) {
                    String rel = base.relativize(r).toString().replace(File.separatorChar, '/');
                    inc.add(rel.isEmpty() ? "**" : rel + "/**");
                }
            }
            if (inc.isEmpty()) {
                return List.of();
            }
        }
        List<String> exc = new ArrayList<>(excludes == null ? List.of() : excludes);
        if (buildDirectory != null) {
            Path build = buildDirectory.toAbsolutePath().normalize();
            if (build.startsWith(base) && !build.equals(base)) {
                exc.add(base.relativize(build).toString().replace(File.separatorChar, '/') + "/**");
            }
        }
        LinkStoppingScanner scanner = new LinkStoppingScanner();
        scanner.setBasedir(realDirectory(base).toFile());
        scanner.setIncludes(inc.toArray(String[]::new));
        scanner.setExcludes(exc.toArray(String[]::new));
        scanner.addDefaultExcludes();
        scanner.scan();
        return Stream.concat(Arrays.stream(scanner.getIncludedFiles()), scanner.directoryLinks.stream())
                .map(f -> f.replace(File.separatorChar, '/'))
                .distinct()
                .sorted()
                .toList();
    }

    /** The base directory with its own links resolved, so that the walk starts in a real directory. */
    private static Path realDirectory(Path base) throws MojoExecutionException {
        try {
            return base.toRealPath();
        } catch (IOException e) {
            throw new MojoExecutionException("The project's base directory " + base + " cannot be read: " + e, e);
        }
    }

    /**
     * A scanner that does not follow links ({@code followSymlinks} off: a linked directory's own entries are
     * passed over), and keeps the name of each linked directory it would have entered that its excludes do not
     * leave out and that could hold an included file.
     */
    private static final class LinkStoppingScanner extends DirectoryScanner {

        private final List<String> directoryLinks = new ArrayList<>();

        LinkStoppingScanner() {
            setFollowSymlinks(false);
        }

        @Override
        public boolean isParentSymbolicLink(File parent, String name) throws IOException {
            boolean link = super.isParentSymbolicLink(parent, name);
            if (link && name == null) {
                String relative = getBasedir().toPath().relativize(parent.toPath()).toString();
                if (!relative.isEmpty() && couldHoldIncluded(relative) && !isExcluded(relative)) {
                    directoryLinks.add(relative);
                }
            }
            return link;
        }
    }

    private static List<String> explicit(Path base, List<String> files) throws MojoExecutionException {
        Set<String> out = new LinkedHashSet<>();
        for (String f : files) {
            String trimmed = f.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Path p = base.resolve(trimmed).normalize();
            if (!p.startsWith(base)) {
                throw new MojoExecutionException("<files> entry '" + trimmed + "' lies outside the base directory "
                        + base + ": name files relative to the project");
            }
            if (!Files.isRegularFile(p)) {
                throw new MojoExecutionException("<files> entry '" + trimmed + "' does not exist (" + p
                        + "): fix the path, relative to the project's base directory");
            }
            out.add(base.relativize(p).toString().replace(File.separatorChar, '/'));
        }
        return List.copyOf(out);
    }
}
