package dev.scrum.report;

import dev.scrum.symbols.SymbolTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identity of a finding across runs: a hash of the file's path, the finding's kind (and gap kind), the last
 * identifier of its symbol and its normalised text (lower case, letters and digits only, single spaces). The
 * line is not part of it, so a finding keeps its fingerprint when lines are added above it; a reworded finding
 * gets a new one. Baselines, SARIF's {@code partialFingerprints} and GitLab's {@code fingerprint} all use it.
 */
public final class Fingerprint {

    /** The key of SARIF's {@code partialFingerprints}: the scheme's name and version. */
    public static final String SARIF_KEY = "scrumFinding/v1";

    private Fingerprint() {}

    /** A finding's fingerprint: 32 hex digits. */
    public static String of(String file, Finding finding) {
        return hash(file, kind(finding), SymbolTable.lastIdentifier(finding.symbol()), normalise(finding.text()));
    }

    /** An injection's fingerprint: its path, kind and text, not its line. */
    public static String of(Injection injection) {
        return hash(injection.path(), "injection/" + injection.kind(), "", normalise(injection.quoted()));
    }

    /** The fingerprint of "this file has no accepted review". */
    public static String unresolved(String file) {
        return hash(file, "unresolved", "", "");
    }

    /** {@code suggestion}, or {@code gap/<kind>} ({@code gap/} for a gap of no known kind). */
    static String kind(Finding finding) {
        return "gap".equals(finding.kind())
                ? "gap/" + (finding.gapKind() == null ? "" : finding.gapKind())
                : finding.kind();
    }

    /** Lower case, accents folded, every run of non-letters and non-digits one space, trimmed. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** 32 hex digits of the SHA-256 of the parts, each in UTF-8 and ended by a NUL byte. */
    static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
