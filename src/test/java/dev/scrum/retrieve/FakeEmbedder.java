package dev.scrum.retrieve;

import dev.scrum.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A test embedder: each text gets, per dimension, how often its words mention that dimension's keyword; or the
 * exact vector given for it. Records what it was asked.
 */
final class FakeEmbedder implements Embedder {

    private final List<String> keywords;
    private final Map<String, float[]> fixed;
    private final int maxInputChars;
    final List<List<String>> calls = new ArrayList<>();

    private FakeEmbedder(List<String> keywords, Map<String, float[]> fixed, int maxInputChars) {
        this.keywords = keywords;
        this.fixed = fixed;
        this.maxInputChars = maxInputChars;
    }

    /** Vectors count the keywords each text contains, one dimension per keyword. */
    static FakeEmbedder keywords(int maxInputChars, String... keywords) {
        return new FakeEmbedder(List.of(keywords), Map.of(), maxInputChars);
    }

    /** Vectors are looked up by text. */
    static FakeEmbedder fixed(Map<String, float[]> vectors) {
        return new FakeEmbedder(List.of(), vectors, 1000);
    }

    @Override
    public String name() {
        return "fake/test";
    }

    @Override
    public int maxInputChars() {
        return maxInputChars;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        calls.add(List.copyOf(texts));
        return texts.stream().map(this::vector).toList();
    }

    private float[] vector(String text) {
        float[] given = fixed.get(text);
        if (given != null) {
            return given;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        float[] v = new float[keywords.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lower.split(keywords.get(i), -1).length - 1;
        }
        return v;
    }
}
