package dev.scrum.symbols;

/**
 * A name a source file declares.
 *
 * @param name the declared identifier
 * @param kind what it declares
 * @param line the 1-based line of the name
 */
record Declaration(String name, Kind kind, int line) {

    /** What a declaration declares. */
    public enum Kind {
        /** A class, interface, record, enum, annotation type, object or trait, nested ones included. */
        TYPE,
        /** A method or function. */
        METHOD,
        /** A constructor. */
        CONSTRUCTOR,
        /** A field, constant, property or attribute. */
        FIELD,
        /** A constant of an enum. */
        ENUM_CONSTANT,
        /** A component of a record. */
        RECORD_COMPONENT,
        /** A parameter of a method or constructor. */
        PARAMETER
    }
}
