package dev.scrum.review;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.Chunker;
import dev.scrum.chunk.Document;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.chunk.SectionChunker;
import dev.scrum.report.DocumentInfo;
import dev.scrum.report.Injection;
import dev.scrum.report.ReportDocuments;
import dev.scrum.symbols.LineIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PRD and the proposal of a run, read and cut into passages at their sections.
 *
 * @param prd the PRD
 * @param proposal the proposal, or {@code null}
 * @param prdChunks the PRD's passages
 * @param proposalChunks the proposal's passages; empty without a proposal
 */
record ReviewDocuments(Document prd, Document proposal, List<Chunk> prdChunks, List<Chunk> proposalChunks) {

    /**
     * Reads and chunks the request's documents.
     *
     * @throws ConfigurationException naming the parameter when a document is missing, a directory, empty,
     *     binary (see {@link #notText}) or unreadable
     */
    static ReviewDocuments read(ReviewRequest request) {
        Document prd = read(DocumentKind.PRD, request.prd(), "prdPath");
        Document proposal = request.proposal() == null
                ? null
                : read(DocumentKind.PROPOSAL, request.proposal(), "proposalPath");
        Chunker chunker = new SectionChunker(request.chunkSize(), request.chunkOverlap());
        return new ReviewDocuments(prd, proposal, chunker.chunk(prd),
                proposal == null ? List.of() : chunker.chunk(proposal));
    }

    /**
     * The prompt injections in the documents, each at its document's path (relative to {@code baseDir} when it
     * lies below it) and line.
     */
    List<Injection> injections(Path baseDir) {
        List<Injection> out = new ArrayList<>();
        for (Document d : all()) {
            out.addAll(InjectionScan.of(path(d, baseDir), d.text()));
        }
        return out;
    }

    /** A document's path relative to {@code baseDir} ({@code ../docs/PRD.md} for a reactor's), with /. */
    static String path(Document d, Path baseDir) {
        Path abs = d.path().toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = abs.getRoot() != null && abs.getRoot().equals(base.getRoot()) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    /** The documents as the report lists them. */
    List<DocumentInfo> infos() {
        List<DocumentInfo> out = new ArrayList<>();
        out.add(info("PRD", prd, prdChunks));
        if (proposal != null) {
            out.add(info("PROPOSAL", proposal, proposalChunks));
        }
        return out;
    }

    /** Their text, for the sections the reports quote. */
    ReportDocuments texts() {
        return ReportDocuments.of(prd.text(), proposal == null ? null : proposal.text());
    }

    /** The documents there are: the PRD, and the proposal when given. */
    List<Document> all() {
        return Stream.of(prd, proposal).filter(d -> d != null).toList();
    }

    private static DocumentInfo info(String label, Document doc, List<Chunk> chunks) {
        return new DocumentInfo(label, doc.path().toString().replace('\\', '/'), doc.text().length(), chunks.size());
    }

    private static Document read(DocumentKind kind, Path path, String parameter) {
        if (Files.isDirectory(path)) {
            throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path + " is a directory, "
                    + "not a file. Set <" + parameter + "> (or -Dscrum." + parameter + ") to the file.");
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path
                    + " does not exist. Set <" + parameter + "> (or -Dscrum." + parameter + ") to the file.");
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            try {
                text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            } catch (IOException again) {
                throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path
                        + " cannot be read (" + again.getMessage() + "). Check <" + parameter + "> and the file's permissions.");
            }
        }
        if (text.isBlank()) {
            throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path
                    + " is empty. Point <" + parameter + "> at a document with content.");
        }
        String binary = notText(text);
        if (binary != null) {
            throw new ConfigurationException(parameter, "The " + describe(kind) + " " + path + " is not text: "
                    + binary + ". Point <" + parameter + "> (or -Dscrum." + parameter + ") at a Markdown, AsciiDoc or "
                    + "plain-text document in UTF-8; convert a PDF or Word file to text first.");
        }
        // lone CRs as LFs: passages, sections and cited lines are then found as in any other document
        return new Document(kind, path, LineIndex.lfForLoneCr(text));
    }

    /** Above this share of control characters and replaced bytes, a document is not text. */
    static final double MAX_NON_TEXT = 0.30;

    /**
     * Why a document's text is binary, or {@code null} when it is text: a NUL byte anywhere (no text format has
     * one; passages with them would be sent to the models and written into the reports), or more than
     * {@link #MAX_NON_TEXT} of its characters control characters other than tab, line feed, carriage return and
     * form feed, or bytes that are not UTF-8 (replaced by U+FFFD when read).
     */
    static String notText(String text) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return "it contains a NUL byte (at character " + nul + "), so it is binary";
        }
        long odd = text.chars().filter(c -> c == '\uFFFD'
                || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f')).count();
        if (odd > MAX_NON_TEXT * text.length()) {
            return String.format(java.util.Locale.ROOT, "%d of its %d characters (%.0f%%) are control characters or "
                    + "bytes that are not UTF-8, more than %.0f%%", odd, text.length(), 100.0 * odd / text.length(),
                    100 * MAX_NON_TEXT);
        }
        return null;
    }

    private static String describe(DocumentKind kind) {
        return kind == DocumentKind.PRD ? "PRD" : "proposal";
    }
}
