package com.webptbridge.cli;

import com.webptbridge.transport.Tls;
import picocli.CommandLine.Option;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.Path;

/** {@code --tls}, {@code --truststore} and {@code --keystore} for the commands that speak MLLP. */
final class TlsOptions {

    @Option(names = "--tls", description = "Speak MLLP over TLS (1.2 or 1.3)")
    boolean tls;

    @Option(
            names = "--truststore",
            paramLabel = "P12",
            description = "PKCS12 with the listener's certificate or CA (default: the JDK's CAs)")
    Path truststore;

    @Option(
            names = "--truststore-password",
            paramLabel = "PW",
            defaultValue = "",
            description = "The truststore's password, if it has one")
    String truststorePassword;

    @Option(
            names = "--keystore",
            paramLabel = "P12",
            description = "PKCS12 with a client certificate and key (mutual TLS)")
    Path keystore;

    @Option(
            names = "--keystore-password",
            paramLabel = "PW",
            defaultValue = "",
            description = "The client keystore's password")
    String keystorePassword;

    /** The client's TLS context, or null for plain MLLP. */
    SSLContext client() throws IOException {
        if (!tls) {
            return null;
        }
        return Tls.client(
                truststore == null ? null : new Tls.Store(truststore, truststorePassword),
                keystore == null ? null : new Tls.Store(keystore, keystorePassword));
    }
}
