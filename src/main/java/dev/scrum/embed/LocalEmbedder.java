package dev.scrum.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * An in-process embedder: one of the {@link LocalModel}s, bge-small-en-v1.5 (quantized) by default, run by
 * LangChain4j on ONNX Runtime, with no server and no download at run time. The model's artifact is an optional
 * dependency of the plugin (see {@link LocalModel#missing()}): its classes are looked up by name on the first
 * {@link #embed(List)}, so that nothing on the default lexical path needs them. It reads at most {@value #MAX_INPUT_CHARS}
 * characters of a text (the model's 512 tokens; the README's "Retrieval" says how that was measured). The model
 * loads on the first {@link #embed(List)} and is shared; texts are embedded one at a time, since concurrent
 * inferences only contend for the same cores. Before loading, it quiets DJL's loggers that speak of what a build
 * user can do nothing about, and sets DJL's {@code OPT_OUT_TRACKING} (its telemetry probes the EC2 metadata
 * endpoint), each only when the user has not set it.
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
            Class<? extends EmbeddingModel> type = Class.forName(which.className(), true,
                    LocalEmbedder.class.getClassLoader()).asSubclass(EmbeddingModel.class);
            return type.getConstructor(Executor.class).newInstance((Executor) Runnable::run);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new EmbeddingException("the in-process embedding model local/" + which.id() + " is not on the"
                    + " plugin's class path: add " + which.coordinates() + " as a dependency of the plugin (" + e + ")",
                    e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new EmbeddingException("could not load the in-process embedding model local/" + which.id() + ": "
                    + cause, cause);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new EmbeddingException("could not load the in-process embedding model local/" + which.id() + ": "
                    + e, e);
        }
    }
}
