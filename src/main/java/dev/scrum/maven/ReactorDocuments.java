package dev.scrum.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Finds a module's PRD or proposal in a reactor. A path under the module that does not exist there (the
 * default {@code ${project.basedir}/docs/PRD.md} in a module without its own {@code docs/}) is looked up at the
 * same relative place in each parent directory up to the reactor's root, so one PRD at the root serves every
 * module. A path that exists, or lies outside the module, is used as written.
 */
final class ReactorDocuments {

    private ReactorDocuments() {}

    /**
     * @param configured the configured document, or {@code null}
     * @param moduleDir the module's base directory
     * @param rootDir the reactor's root directory, or {@code null} when unknown
     * @param info where the one line saying which file was used goes
     */
    static Path locate(File configured, Path moduleDir, Path rootDir, Consumer<String> info) {
        if (configured == null) {
            return null;
        }
        Path path = configured.toPath().toAbsolutePath().normalize();
        Path module = moduleDir.toAbsolutePath().normalize();
        if (Files.exists(path) || rootDir == null || !path.startsWith(module)) {
            return path;
        }
        Path relative = module.relativize(path);
        Path root = rootDir.toAbsolutePath().normalize();
        for (Path dir = module.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                info.accept("Using " + candidate + " (" + relative + " is not in this module; found in the reactor)");
                return candidate;
            }
        }
        return path;
    }
}
