package dev.scrum.report;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.FailureCause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One reason rungs gave unresolved files no answer (a refused connection, a timeout, a missing model, a refused
 * key, a skipped rung, another error), with the rungs and the files it hit: the build's failure message names each
 * once, with what to do, instead of leaving it to the attempt lines.
 *
 * @param cause what went wrong, and where
 * @param rungs the rungs ({@code provider/model}) it hit, in ladder order
 * @param files the files it hit, in the run's order
 */
public record UnansweredCause(FailureCause cause, Set<String> rungs, Set<String> files) {

    /** Causes past this many are counted, not named: the report lists every attempt. */
    static final int MOST_NAMED = 6;

    public UnansweredCause {
        rungs = Collections.unmodifiableSet(new LinkedHashSet<>(rungs));
        files = Collections.unmodifiableSet(new LinkedHashSet<>(files));
    }

    /** The distinct causes among the attempts of {@code unresolved}, in the order they first occur. */
    public static List<UnansweredCause> of(List<FileReview> unresolved) {
        Map<FailureCause, Set<String>> rungs = new LinkedHashMap<>();
        Map<FailureCause, Set<String>> files = new LinkedHashMap<>();
        for (FileReview review : unresolved) {
            for (Attempt attempt : review.outcome().attempts()) {
                Optional<FailureCause> cause = FailureCause.of(attempt);
                if (cause.isPresent()) {
                    rungs.computeIfAbsent(cause.get(), c -> new LinkedHashSet<>()).add(attempt.rungId());
                    files.computeIfAbsent(cause.get(), c -> new LinkedHashSet<>()).add(review.file());
                }
            }
        }
        List<UnansweredCause> causes = new ArrayList<>();
        rungs.forEach((cause, ids) -> causes.add(new UnansweredCause(cause, ids, files.get(cause))));
        return causes;
    }

    /**
     * The sentence of the failure message naming each cause once, with the files it hit (by count when it hit
     * every unresolved file, which the message lists already) and what to do; empty when every unresolved file
     * got answers that were rejected.
     */
    public static Optional<String> message(List<FileReview> unresolved) {
        List<UnansweredCause> causes = of(unresolved);
        if (causes.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = new ArrayList<>();
        for (UnansweredCause c : causes.subList(0, Math.min(MOST_NAMED, causes.size()))) {
            named.add(c.describe(unresolved.size()));
        }
        if (causes.size() > MOST_NAMED) {
            named.add((causes.size() - MOST_NAMED) + " other cause(s) in the report's attempts");
        }
        return Optional.of(String.join("; ", named));
    }

    /** {@code 6 file(s) unanswered: connection refused at http://localhost:11434 (rung …) — start Ollama …}. */
    String describe(int unresolvedCount) {
        String hit = files.size() + " file(s) unanswered"
                + (files.size() == unresolvedCount ? "" : " (" + String.join(", ", files) + ")") + ": ";
        String server = cause.server().isEmpty() ? "the server" : cause.server();
        String on = " (" + (rungs.size() == 1 ? "rung " : "rungs ") + String.join(", ", rungs) + ")";
        return hit + switch (cause.kind()) {
            case REFUSED -> "connection refused at " + server + on + " — "
                    + (allOllama() ? "start Ollama (`ollama serve`)" : "start the server there or fix the rung's "
                            + "<baseUrl>")
                    + " or run with -Dscrum.dryRun or -Dscrum.skip";
            case TIMEOUT -> "no answer within the rung's timeout from " + server + on
                    + " — raise the rung's <timeoutSeconds>, lower <threads> (scrum.threads) or use a smaller model";
            case MODEL_NOT_FOUND -> "HTTP 404, model " + cause.detail() + " not found at " + server + on + " — "
                    + (allOllama() ? "pull it there (`ollama pull " + cause.detail() + "`) or " : "")
                    + "fix the rung's <model> or <baseUrl>";
            case UNAUTHORIZED -> "HTTP " + cause.detail() + ", the API key was refused by " + server + on
                    + " — give the rung a valid key through <serverId> (settings.xml) or <apiKeyEnv>";
            case SKIPPED -> (rungs.size() == 1 ? "rung " : "rungs ") + String.join(", ", rungs) + " not called: "
                    + cause.detail();
            case OTHER -> cause.detail().replaceFirst("^http: (?=HTTP )", "") + on;
        };
    }

    /** Whether every rung hit is a local Ollama rung ({@code ollama/…}), whose server {@code ollama serve} starts. */
    private boolean allOllama() {
        return rungs.stream().allMatch(id -> id.startsWith("ollama/"));
    }
}
