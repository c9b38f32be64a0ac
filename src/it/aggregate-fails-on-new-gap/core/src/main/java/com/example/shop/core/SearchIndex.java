/*
 * Copyright 2025 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package com.example.shop.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * In-memory full-text index over product names and descriptions.
 * Queries are tokenised like documents; products are ranked by how many
 * query terms they contain, with name matches weighted above description matches.
 */
public final class SearchIndex {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "the", "of", "for", "with");
    private static final int NAME_WEIGHT = 3;

    private final Map<String, Map<String, Integer>> postings = new HashMap<>();

    /** Adds or re-indexes a product. */
    public void index(String productId, String name, String description) {
        postings.values().forEach(p -> p.remove(productId));
        for (String term : tokenize(name)) {
            postings.computeIfAbsent(term, t -> new HashMap<>()).merge(productId, NAME_WEIGHT, Integer::sum);
        }
        for (String term : tokenize(description)) {
            postings.computeIfAbsent(term, t -> new HashMap<>()).merge(productId, 1, Integer::sum);
        }
    }

    /** Product ids matching the query, best first. */
    public List<String> search(String query, int limit) {
        Map<String, Integer> scores = new HashMap<>();
        for (String term : new HashSet<>(tokenize(query))) {
            postings.getOrDefault(term, Map.of()).forEach((id, weight) -> scores.merge(id, weight, Integer::sum));
        }
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort((a, b) -> scores.get(b) - scores.get(a));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    /** Lower-cases, splits on non-letters and digits, drops stop words. */
    static List<String> tokenize(String text) {
        List<String> terms = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty() && !STOP_WORDS.contains(t)) {
                terms.add(t);
            }
        }
        return terms;
    }
}
