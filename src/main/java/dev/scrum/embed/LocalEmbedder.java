package dev.scrum.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An in-process embedder: one of the {@link LocalModel}s, by default bge-small-en-v1.5 (quantized, 384
 * dimensions), run by LangChain4j on ONNX Runtime, with no server and no download. On a labelled set bge-small
 * retrieved the right section of a guide for every file (recall@5 1.00, 0.90 on a harder set) where
 * all-MiniLM-L6-v2 managed 0.93 / 0.80, whose tokenizer also silently cuts every input at 128 tokens.
 *
 * <p><b>How much it reads.</b> bge-small (and e5-small) read at most 512 tokens (510 of text); LangChain4j's tokenizer silently
 * cuts longer input there. {@link #maxInputChars()} is {@value #MAX_INPUT_CHARS} characters: measured on 5,715
 * passages of 1,000 characters cut at line boundaries from 672 Java files (commons-lang3, httpclient5), a passage
 * took 251 tokens at the median, 317 at the 95th and 389 at the 99th percentile; only 0.3% passed 510 tokens, all
 * of them hexadecimal code-point tables and HTML tables in Javadoc, whose cut tail carries no meaning. Technical
 * Markdown with tables and JSON (21 passages of a specification) took 317 tokens at the median and 425 at most.
 * 1,200 characters put the Java 99th percentile at 457 tokens, with little margin left.
 *
 * <p><b>Cost.</b> Constructing one is cheap: the model (34 MB) loads on the first {@link #embed(List)}, in about
 * half a second, once per class loader (LangChain4j keeps it in a static field), and is shared by every instance.
 * Texts are embedded one by one on the calling thread: ONNX Runtime already uses every core, and LangChain4j's
 * {@code embedAll} gains nothing from its thread pool on small machines. Thread-safe, and one text at a time:
 * concurrent inferences only contend for the same cores (measured on two cores: 1,000 files reviewed by four
 * threads took twice the single-threaded embedding time), so calls from the review threads take turns.
 *
 * <p><b>Logging.</b> DJL, which runs the tokenizer, logs through SLF4J what a build user can do nothing about: on a
 * machine with a CUDA runtime but no GPU, twice that it cannot count GPUs; that the tokenizer's maximum length is
 * not set (it is the model's 512); where it found its native library. Before loading the model this class raises
 * those loggers' levels ({@code ai.djl.util.cuda} and the tokenizer's to error,
 * {@code ai.djl.util.Platform} to warn) through {@code org.slf4j.simpleLogger.log.<logger>} system
 * properties, each only if not already set: Maven's own SLF4J binding and slf4j-simple read them when the logger
 * is created; other bindings ignore them.
 *
 * <p><b>No network.</b> DJL's telemetry probes the EC2 metadata endpoint ({@code 169.254.169.254}) when its
 * tokenizer loads, and calls home from an EC2 machine. A build plugin must not: before loading, this class sets
 * DJL's documented opt-out, the {@code OPT_OUT_TRACKING} system property, to {@code true} (unless the user set it).
 */
public final class LocalEmbedder implements Embedder {

    /** {@link #name()} of the default model. */
    public static final String NAME = "local/bge-small-en-v1.5-q";
    /** {@link #maxInputChars()} of bge-small and e5-small: a typical source or prose passage of this length fits in the model's 510 tokens. */
    public static final int MAX_INPUT_CHARS = 1000;

    /** Logger name to level, for the simple logger's system properties. */
    static final Map<String, String> QUIET_LOGGERS = Map.of(
            "ai.djl.util.cuda", "error",
            "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer", "error",
            "ai.djl.util.Platform", "warn");

    /** DJL's telemetry opt-out, read from the environment or the system properties. */
    static final String TELEMETRY_OPT_OUT = "OPT_OUT_TRACKING";

    private final LocalModel which;
    private volatile EmbeddingModel model;

    /** The default model, {@link LocalModel#DEFAULT}. */
    public LocalEmbedder() {
        this(LocalModel.DEFAULT);
    }

    public LocalEmbedder(LocalModel which) {
        this.which = which;
    }

    /** {@code local/<model>}, e.g. {@value #NAME}. */
    @Override
    public String name() {
        return "local/" + which.id();
    }

    @Override
    public int maxInputChars() {
        return which.maxInputChars();
    }

    @Override
    public String queryPrefix() {
        return which.queryPrefix();
    }

    @Override
    public String passagePrefix() {
        return which.passagePrefix();
    }

    /**
     * Embeds every text, in order; vectors have 384 dimensions and length 1. Callers prepend the model's prefixes.
     *
     * @throws EmbeddingException when the model cannot be loaded (e.g. ONNX Runtime has no native library for this
     *                            platform) or a text cannot be embedded (e.g. it is blank)
     */
    @Override
    public List<float[]> embed(List<String> texts) {
        EmbeddingModel loaded = model();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            try {
                Embedding embedding;
                synchronized (loaded) {
                    embedding = loaded.embed(text).content();
                }
                embedding.normalize();
                vectors.add(embedding.vector());
            } catch (RuntimeException e) {
                throw new EmbeddingException(name() + " could not embed text " + (i + 1) + " of " + texts.size()
                        + " (" + text.length() + " characters): " + e.getMessage(), e);
            }
        }
        return vectors;
    }

    private EmbeddingModel model() {
        EmbeddingModel result = model;
        if (result == null) {
            synchronized (this) {
                result = model;
                if (result == null) {
                    result = load(which);
                    model = result;
                }
            }
        }
        return result;
    }

    private static EmbeddingModel load(LocalModel which) {
        if (System.getProperty(TELEMETRY_OPT_OUT) == null) {
            System.setProperty(TELEMETRY_OPT_OUT, "true");
        }
        QUIET_LOGGERS.forEach((logger, level) -> {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, level);
            }
        });
        try {
            // each model is built with a direct executor: embedAll of one segment runs on the caller's thread
            // anyway, and no pool is left behind
            return which.load();
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingException("could not load the in-process embedding model local/" + which.id() + ": "
                    + e, e);
        }
    }
}
