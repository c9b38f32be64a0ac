package dev.scrum.review;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.Chunker;
import dev.scrum.chunk.Document;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.chunk.SectionChunker;
import dev.scrum.report.DocumentInfo;
import dev.scrum.report.Injection;
import dev.scrum.report.ReportDocuments;
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
     * @throws ConfigurationException naming the parameter when a document is missing, a directory, empty or
     *     unreadable
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
        return new Document(kind, path, text);
    }

    private static String describe(DocumentKind kind) {
        return kind == DocumentKind.PRD ? "PRD" : "proposal";
    }
}
