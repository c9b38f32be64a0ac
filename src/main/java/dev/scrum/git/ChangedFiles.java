package dev.scrum.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.IndexDiffFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The files of a directory that differ from a git ref: the ref's tree against the working tree, so committed,
 * staged, unstaged and untracked (not ignored) changes all count. Deleted files are left out. Read with JGit,
 * no {@code git} executable needed.
 */
public final class ChangedFiles {

    private ChangedFiles() {}

    /**
     * @param baseDir a directory inside a git work tree (its root or a subdirectory, e.g. a module)
     * @param ref anything git resolves to a commit: a branch, a tag, {@code HEAD~3}, a SHA, {@code origin/main}
     * @return the changed files under {@code baseDir}, relative to it with {@code /}, sorted
     */
    public static Set<String> since(Path baseDir, String ref) throws ChangedFilesException {
        return read(baseDir, ref, (repo, tree, base, prefix) -> changed(repo, tree, prefix));
    }

    /**
     * The lines each of {@code files} added or rewrote since {@code ref}: the ref's blob against the file in the
     * working tree, by JGit's histogram diff (what {@code git diff --histogram} shows). A file the ref does not
     * have is wholly new; a file that is not a regular file in the working tree (a link, gone) has no lines.
     *
     * @param baseDir a directory inside a git work tree, as for {@link #since}
     * @param files paths relative to {@code baseDir}, with {@code /}
     */
    public static Change lines(Path baseDir, String ref, Collection<String> files) throws ChangedFilesException {
        return read(baseDir, ref, (repo, tree, base, prefix) -> {
            Map<String, ChangedLines> out = new TreeMap<>();
            for (String file : files) {
                out.put(file, lines(repo, tree, prefix.isEmpty() ? file : prefix + "/" + file, base.resolve(file)));
            }
            return new Change(ref.trim(), out);
        });
    }

    /** What is read from the repository of a base directory, against the tree of a ref's commit. */
    @FunctionalInterface
    private interface Reading<T> {
        /**
         * @param base the base directory's real path
         * @param prefix the base directory inside the work tree, with {@code /}; empty at its root
         */
        T read(Repository repo, ObjectId tree, Path base, String prefix) throws IOException;
    }

    /** Opens the repository {@code baseDir} is in, resolves {@code ref}, and reads; every failure said as such. */
    private static <T> T read(Path baseDir, String ref, Reading<T> reading) throws ChangedFilesException {
        Path base;
        try {
            base = baseDir.toRealPath();
        } catch (IOException e) {
            throw notARepository(baseDir, e);
        }
        try (Repository repo = open(base)) {
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            if (!base.startsWith(workTree)) {
                throw notARepository(base, null);
            }
            String prefix = workTree.relativize(base).toString().replace(File.separatorChar, '/');
            return reading.read(repo, commitTree(repo, ref, workTree), base, prefix);
        } catch (NoWorkTreeException e) {
            throw notARepository(base, e);
        } catch (IOException e) {
            throw new ChangedFilesException(ChangedFilesException.Reason.UNREADABLE,
                    "changedSince: could not read the git repository of " + base + ": " + e.getMessage(), e);
        }
    }

    private static ChangedLines lines(Repository repo, ObjectId tree, String path, Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return ChangedLines.NONE;
        }
        RawText now = new RawText(Files.readAllBytes(file));
        try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
            if (walk == null || !FileMode.REGULAR_FILE.equals(walk.getRawMode(0))
                    && !FileMode.EXECUTABLE_FILE.equals(walk.getRawMode(0))) {
                return ChangedLines.added(now.size());
            }
            RawText then = new RawText(repo.open(walk.getObjectId(0)).getBytes());
            List<LineRange> ranges = new ArrayList<>();
            for (Edit edit : DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                    .diff(RawTextComparator.DEFAULT, then, now)) {
                if (edit.getEndB() > edit.getBeginB()) {
                    ranges.add(new LineRange(edit.getBeginB() + 1, edit.getEndB()));
                }
            }
            return new ChangedLines(ranges, false);
        }
    }

    private static Repository open(Path base) throws IOException, ChangedFilesException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(base.toFile());
        if (builder.getGitDir() == null) {
            throw notARepository(base, null);
        }
        Repository repo = builder.setMustExist(true).build();
        if (repo.isBare()) {
            repo.close();
            throw notARepository(base, null);
        }
        return repo;
    }

    private static ObjectId commitTree(Repository repo, String ref, Path workTree)
            throws IOException, ChangedFilesException {
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(ref);
            if (id == null) {
                throw unknownRef(ref, workTree, null);
            }
            return walk.parseCommit(id).getTree(); // peels an annotated tag; refuses a tree or a blob
        } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException
                | MissingObjectException e) {
            throw unknownRef(ref, workTree, e);
        }
    }

    /**
     * One walk over the ref's tree, the index and the working tree. {@link IndexDiffFilter} (what JGit's own
     * status uses) drops unchanged paths cheaply, through the index's file stats, and untracked ignored ones;
     * what is left is kept when the working tree has the file and its content differs from the ref's.
     */
    private static Set<String> changed(Repository repo, ObjectId tree, String prefix) throws IOException {
        Set<String> out = new TreeSet<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.setRecursive(true);
            int atRef = walk.addTree(tree);
            int index = walk.addTree(new DirCacheIterator(repo.readDirCache()));
            FileTreeIterator files = new FileTreeIterator(repo);
            int work = walk.addTree(files);
            files.setDirCacheIterator(walk, index);
            TreeFilter differs = new IndexDiffFilter(index, work);
            walk.setFilter(prefix.isEmpty() ? differs : AndTreeFilter.create(PathFilter.create(prefix), differs));
            while (walk.next()) {
                int mode = walk.getRawMode(work);
                if (mode == 0 || FileMode.GITLINK.equals(mode)) {
                    continue; // deleted, or a submodule: nothing to review
                }
                if (walk.getRawMode(atRef) != 0 && walk.idEqual(atRef, work)) {
                    continue; // staged or touched, but the same content as at the ref
                }
                String path = walk.getPathString();
                out.add(prefix.isEmpty() ? path : path.substring(prefix.length() + 1));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static ChangedFilesException notARepository(Path base, Throwable cause) {
        return new ChangedFilesException(ChangedFilesException.Reason.NOT_A_REPOSITORY,
                "changedSince needs a git repository: " + base + " is not inside one", cause);
    }

    private static ChangedFilesException unknownRef(String ref, Path workTree, Throwable cause) {
        return new ChangedFilesException(ChangedFilesException.Reason.UNKNOWN_REF,
                "changedSince: git ref '" + ref + "' does not resolve to a commit in " + workTree, cause);
    }
}
