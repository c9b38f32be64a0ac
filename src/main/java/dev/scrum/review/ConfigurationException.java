package dev.scrum.review;

/**
 * The request cannot be run as configured. Names the parameter at fault and what to do; raised before any
 * model is called.
 */
public class ConfigurationException extends RuntimeException {
    private final String parameter;

    public ConfigurationException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter at fault, as the POM names it (e.g. {@code prdPath}). */
    public String parameter() {
        return parameter;
    }
}
