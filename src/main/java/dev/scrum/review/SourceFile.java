package dev.scrum.review;

import dev.scrum.boundary.ProjectBoundary;
import dev.scrum.report.SkippedFile;
import dev.scrum.symbols.LineIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A selected file, read whole.
 *
 * @param path relative to the base directory, with {@code /}
 * @param bytes its size
 * @param text its content, decoded with the run's {@code encoding} (malformed bytes replaced), each lone CR made
 *     an LF ({@link LineIndex#lfForLoneCr}) so that every part of the review numbers its lines alike
 * @param malformed whether bytes were not valid in that encoding and had to be replaced
 */
record SourceFile(String path, long bytes, String text, boolean malformed) {

    private static final int BINARY_PROBE = 8192;

    /**
     * Why the file is not reviewed, or {@code null}: a link out of the project, into its build directory or to a
     * directory (see {@link ProjectBoundary#refusal}; never opened), too large, binary, empty (nothing a model could
     * review, and no answer about it could be grounded), or unreadable.
     */
    static String unreviewable(ProjectBoundary boundary, Path file, long maxFileBytes) {
        try {
            String refused = boundary.refusal(file);
            if (refused != null) {
                return refused;
            }
            Path real = boundary.readable(file);
            long size = Files.size(real);
            if (size > maxFileBytes) {
                return "too large: " + size + " bytes, more than maxFileBytes (" + maxFileBytes + ")";
            }
            if (size == 0) {
                return SkippedFile.EMPTY + ": 0 bytes, nothing to review";
            }
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                byte[] head = in.readNBytes(BINARY_PROBE);
                boolean blank = size <= head.length;
                for (byte b : head) {
                    if (b == 0) {
                        return "binary: it contains NUL bytes";
                    }
                    blank &= b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
                }
                return blank ? SkippedFile.EMPTY + ": only whitespace, nothing to review" : null;
            }
        } catch (IOException e) {
            return "unreadable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    /**
     * Reads the file through its real path, checked against the project's boundary, the last step not followed
     * if it became a link since, and decodes it with {@code encoding}.
     *
     * @throws IOException when it cannot be read, or leads out of the project (the message says where)
     */
    static SourceFile read(ProjectBoundary boundary, String relative, Charset encoding) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(boundary.readable(boundary.root().resolve(relative)),
                LinkOption.NOFOLLOW_LINKS)) {
            content = in.readAllBytes();
        }
        String text;
        boolean malformed = false;
        try {
            text = encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(content, encoding);
            malformed = true;
        }
        return new SourceFile(relative, content.length, LineIndex.lfForLoneCr(text), malformed);
    }
}
