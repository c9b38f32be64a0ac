package dev.scrum.symbols;

import java.util.Locale;

/** The languages whose declarations a {@link SymbolTable} can read, told by a file's extension. */
enum Language {
    /** Read by a token scanner: every member declaration, nested types, records, enums, annotations. */
    JAVA,
    /** Classes, objects, functions ({@code fun}) and properties ({@code val}, {@code var}) outside bodies. */
    KOTLIN,
    /** Classes, traits, enums, methods ({@code def} or typed) and fields outside method bodies. */
    GROOVY,
    /** Classes, objects, traits, {@code def}, {@code val} and {@code var} outside method bodies. */
    SCALA,
    /** Classes, functions, module and class attributes, and {@code self.x} attributes. */
    PYTHON,
    /** Any other file: its lines are known, its symbols are not. */
    OTHER;

    /** The language of a file, from its extension. */
    public static Language of(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "java" -> JAVA;
            case "kt", "kts" -> KOTLIN;
            case "groovy", "gvy", "gradle" -> GROOVY;
            case "scala", "sc" -> SCALA;
            case "py" -> PYTHON;
            default -> OTHER;
        };
    }

    /** Whether declarations of this language are read (else only line numbers are known). */
    public boolean readsDeclarations() {
        return this != OTHER;
    }
}
