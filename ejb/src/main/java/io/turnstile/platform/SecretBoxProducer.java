package io.turnstile.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The application's {@link SecretBox}, keyed by {@code turnstile.secret.key} (env {@code TURNSTILE_SECRET_KEY},
 * base64 of 32 bytes) or else by {@code <turnstile.data.dir>/secret.key} (env {@code TURNSTILE_DATA_DIR}, default
 * {@code ./data}), created on first use.
 */
@ApplicationScoped
public class SecretBoxProducer {

    @Inject
    @ConfigProperty(name = "turnstile.secret.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "turnstile.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    SecureRandom random;

    private volatile SecretBox box;

    @Produces
    @Dependent
    public SecretBox secretBox() {
        SecretBox b = box;
        if (b == null) {
            synchronized (this) {
                b = box;
                if (b == null) {
                    byte[] key;
                    try {
                        key = SecretBox.loadOrCreateKey(configuredKey, Path.of(dataDir), random);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read or create the secret key in " + dataDir, e);
                    }
                    try {
                        b = new SecretBox(key, random);
                    } finally {
                        Arrays.fill(key, (byte) 0);
                    }
                    box = b;
                }
            }
        }
        return b;
    }
}
