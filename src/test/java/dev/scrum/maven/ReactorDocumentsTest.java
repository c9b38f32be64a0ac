package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorDocumentsTest {

    @TempDir
    Path root;

    @Test
    void aModuleWithoutTheDocumentFindsTheReactorsOne() throws Exception {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/PRD.md"), "# PRD");
        Path module = Files.createDirectories(root.resolve("services/billing"));
        List<String> said = new ArrayList<>();
        Path found = ReactorDocuments.locate(module.resolve("docs/PRD.md").toFile(), module, root, said::add);
        assertEquals(root.resolve("docs/PRD.md"), found);
        assertEquals(1, said.size());
    }

    @Test
    void aDocumentThatExistsOrLiesOutsideTheModuleIsUsedAsWritten() throws Exception {
        Path module = Files.createDirectories(root.resolve("core"));
        Files.createDirectories(module.resolve("docs"));
        Files.writeString(module.resolve("docs/PRD.md"), "# own");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/PRD.md"), "# root");
        assertEquals(module.resolve("docs/PRD.md"),
                ReactorDocuments.locate(module.resolve("docs/PRD.md").toFile(), module, root, s -> {}));
        Path elsewhere = root.resolve("../specs/PRD.md").normalize();
        assertEquals(elsewhere, ReactorDocuments.locate(elsewhere.toFile(), module, root, s -> {}));
        Path missing = module.resolve("docs/NOPE.md");
        assertEquals(missing, ReactorDocuments.locate(missing.toFile(), module, root, s -> {}),
                "nothing found anywhere: the configured path, so the error names it");
    }
}
