package dev.scrum.maven;

import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Secrets from Maven's settings.xml (encrypted passwords decrypted through Maven's own decrypter) and the
 * environment. Nothing here logs or returns a secret except as the lookup's value.
 */
final class MavenCredentials implements Credentials {

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;

    MavenCredentials(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
    }

    @Override
    public Optional<String> serverPassword(String serverId) {
        if (settings == null) {
            return Optional.empty();
        }
        Server server = settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        Server decrypted = server;
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem p : result.getProblems()) {
                if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
                    return Optional.empty();
                }
            }
            decrypted = result.getServer();
        }
        String password = decrypted.getPassword();
        return password == null || password.isBlank() ? Optional.empty() : Optional.of(password);
    }

    @Override
    public Optional<String> environment(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
