package com.webptbridge.api;

import com.webptbridge.transport.Tls;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How the admin server runs: one event loop (the work is on workers: database calls may take
 * minutes for a large reprocess), no file serving from the class path or cache, HTTP/1.1 (or TLS
 * 1.2/1.3 with a PKCS12 keystore), idle connections closed after two minutes, headers up to 16 KB.
 * Stalled requests, kept-alive connections left idle and the connections per address are bounded
 * by {@link SlowClients}, from {@code Options.slowClients()}.
 */
final class ServerOptions {

    private ServerOptions() {}

    static Vertx vertx() {
        System.setProperty("vertx.disableFileCPResolving", "true");
        return Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(8)
                .setMaxWorkerExecuteTime(10)
                .setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES)
                .setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    }

    static HttpServerOptions http(AdminApi.Options options) {
        HttpServerOptions http = new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setIdleTimeout(120)
                .setHttp2ClearTextEnabled(false)
                .setMaxHeaderSize(16 * 1024);
        if (options.keystore() != null) {
            http.setSsl(true)
                    .setKeyCertOptions(new PfxOptions()
                            .setPath(options.keystore().toString())
                            .setPassword(options.keystorePassword()))
                    .setEnabledSecureTransportProtocols(Set.copyOf(Tls.PROTOCOLS));
            // The MLLP listener's suites, so HTTPS is no weaker: without them the JDK's defaults
            // let a client negotiate static RSA (no forward secrecy) and CBC with SHA-1.
            Tls.CIPHERS.forEach(http::addEnabledCipherSuite);
        }
        return http;
    }
}
