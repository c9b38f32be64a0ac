package dev.scrum.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with a real BPE tokenizer (jtokkit's {@code cl100k_base}) where a server reports none. Each
 * model has its own tokenizer, so this is an estimate; for code and English it is within about 10% of the
 * Llama, Qwen and GPT families'. Thread-safe.
 */
public final class TokenCounter {

    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private TokenCounter() {}

    /** Tokens of {@code text}. */
    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
    }
}
