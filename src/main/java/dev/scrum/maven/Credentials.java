package dev.scrum.maven;

import java.util.Optional;

/** Looks up secrets for rungs; implemented over Maven's settings and the environment. */
interface Credentials {

    /** The decrypted password of settings.xml's {@code <server>} with this id, if there is one. */
    Optional<String> serverPassword(String serverId);

    /** The value of an environment variable, if set and not blank. */
    Optional<String> environment(String name);
}
