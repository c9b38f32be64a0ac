package dev.scrum.retrieve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts each section's best passage before any section's second: a long section that matches well would otherwise
 * fill several of the {@code topK} places with passages of one requirement, and push the next section, often the
 * right one, down the list. Sections are told apart by heading path; passages without one each stand alone.
 * Measured on the open sets of the retrieval benchmark, it raised or kept MRR@10 on every set (see the README).
 */
final class DistinctSections {

    private DistinctSections() {}

    /**
     * The first {@code n} of {@code ranked} (best first) reordered: the best passage of every section, in rank
     * order, then the remaining passages, in rank order.
     */
    static List<ScoredChunk> first(List<ScoredChunk> ranked, int n) {
        List<ScoredChunk> best = new ArrayList<>();
        List<ScoredChunk> rest = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScoredChunk c : ranked) {
            String heading = c.chunk().heading();
            (heading == null || seen.add(heading) ? best : rest).add(c);
            if (best.size() >= n) {
                break;
            }
        }
        best.addAll(rest);
        return List.copyOf(best.subList(0, Math.min(n, best.size())));
    }
}
