package com.webptbridge.engine;

import com.webptbridge.transport.Tls;

import java.nio.file.Files;
import java.nio.file.Path;

/** The keystore and truststore settings ({@code bridge.tls.*}) as the MLLP and HTTP listeners use them. */
final class TlsStores {

    private TlsStores() {}

    /** A keystore or truststore setting and its -password, or null when unset. */
    static Tls.Store read(Settings settings, String key) {
        String file = settings.get(key);
        if (file.isEmpty()) {
            return null;
        }
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalStateException(
                    key + " names " + Path.of(file).toAbsolutePath() + ", which cannot be read");
        }
        return new Tls.Store(Path.of(file), settings.get(key + "-password"));
    }
}
