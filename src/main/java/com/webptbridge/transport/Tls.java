package com.webptbridge.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * MLLP over TLS: TLS 1.2 and 1.3 only, forward-secret AEAD suites only, and client certificates
 * none / want / require (mutual TLS). On the listener a TLS handler goes first in each connection's
 * pipeline, so a plain connection fails in the handshake and no frame of it reaches the decoder
 * (nothing is journaled). Each connection's peer certificate subject is logged (no PHI).
 */
public final class Tls {

    private static final Logger LOG = LoggerFactory.getLogger(Tls.class);

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** How long a handshake may take where no setting says otherwise (bridge.mllp.tls.handshake-timeout-ms). */
    static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    /** TLS 1.3's suites, then TLS 1.2's ECDHE with AES-GCM or ChaCha20-Poly1305. */
    public static final List<String> CIPHERS = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** Whether the listener asks for a client certificate. */
    public enum ClientCertificates {
        NONE,
        WANT,
        REQUIRE;

        public static ClientCertificates parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(
                        "bridge.mllp.tls.client-auth must be none, want or require, was '" + text + "'");
            }
        }
    }

    /** A keystore or truststore file and its password. */
    public record Store(Path file, String password) {
        char[] secret() {
            return password == null ? new char[0] : password.toCharArray();
        }
    }

    private Tls() {}

    /** The listener side: the engine's key and certificate, and the accepted client certificates. */
    public static SslContext server(Store keystore, Store truststore, ClientCertificates clientAuth) {
        if (keystore == null) {
            throw new IllegalArgumentException(
                    "TLS needs a keystore: set bridge.tls.keystore (PKCS12) and bridge.tls.keystore-password"
                            + " (bridge tls self-signed --out DIR makes a test one)");
        }
        if (clientAuth != ClientCertificates.NONE && truststore == null) {
            throw new IllegalArgumentException("Client certificates (bridge.mllp.tls.client-auth="
                    + clientAuth.name().toLowerCase(Locale.ROOT)
                    + ") need bridge.tls.truststore: the certificates or CAs of the senders to accept");
        }
        try {
            return SslContextBuilder.forServer(keyManagers(keystore))
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .trustManager(truststore == null ? null : trustManagers(truststore))
                    .clientAuth(
                            switch (clientAuth) {
                                case NONE -> ClientAuth.NONE;
                                case WANT -> ClientAuth.OPTIONAL;
                                case REQUIRE -> ClientAuth.REQUIRE;
                            })
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("Cannot set up TLS with " + keystore.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first handler of each MLLP connection ({@code decoders=#mllpTls,...}): TLS when a context
     * is given, a pass-through otherwise.
     */
    public static ChannelHandlerFactory handler(SslContext context, Duration handshakeTimeout) {
        return new Factory(context, handshakeTimeout);
    }

    /** Puts TLS first in a pipeline (for listeners built without camel-netty, e.g. the ack-server). */
    public static void addFirst(ChannelPipeline pipeline, SslContext context) {
        addFirst(pipeline, context, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * Puts TLS first in a pipeline; a handshake not finished within {@code handshakeTimeout} closes
     * the connection (a stranger that connects and stalls holds no place for long).
     */
    public static void addFirst(ChannelPipeline pipeline, SslContext context, Duration handshakeTimeout) {
        SslHandler ssl = context.newHandler(pipeline.channel().alloc());
        ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
        Channel channel = pipeline.channel();
        ssl.handshakeFuture().addListener(f -> {
            if (f.isSuccess()) {
                SSLSession session = ssl.engine().getSession();
                LOG.info(
                        "MLLP TLS connection from {}: {} {}, client certificate {}",
                        channel.remoteAddress(),
                        session.getProtocol(),
                        session.getCipherSuite(),
                        peer(session));
            } else {
                LOG.warn(
                        "MLLP TLS handshake with {} failed, connection closed: {}",
                        channel.remoteAddress(),
                        f.cause() == null
                                ? "closed"
                                : f.cause().getClass().getSimpleName() + ": " + rootMessage(f.cause()));
            }
        });
        pipeline.addFirst("tls-guard", new Guard());
        pipeline.addFirst("tls", ssl);
    }

    /** The client certificate subject of a connection (RFC 2253), empty without one (or without TLS). */
    static String clientSubject(ChannelPipeline pipeline) {
        SslHandler ssl = pipeline.get(SslHandler.class);
        if (ssl == null) {
            return "";
        }
        String peer = peer(ssl.engine().getSession());
        return peer.equals("none") ? "" : peer;
    }

    private static String peer(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x
                    ? x.getSubjectX500Principal().getName()
                    : "none";
        } catch (SSLPeerUnverifiedException e) {
            return "none";
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** A client's context: the server certificates to trust (null: the JDK's CAs) and an optional client certificate. */
    public static SSLContext client(Store truststore, Store keystore) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keystore == null ? null : keyManagers(keystore).getKeyManagers(),
                    truststore == null ? null : trustManagers(truststore).getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static KeyManagerFactory keyManagers(Store store) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(store), store.secret());
            return kmf;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the keys in " + store.file() + ": " + e.getMessage(), e);
        }
    }

    static TrustManagerFactory trustManagers(Store store) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(store));
            return tmf;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot use the certificates in " + store.file() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Store store) {
        try (InputStream in = Files.newInputStream(store.file())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, store.secret());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Cannot read the PKCS12 file " + store.file() + " (is the password right?): " + e.getMessage(), e);
        }
    }

    /** Closes a connection whose TLS failed, quietly: the handshake listener has logged it. */
    private static final class Guard extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SSLException || t instanceof io.netty.handler.ssl.NotSslRecordException) {
                    ctx.close();
                    return;
                }
            }
            ctx.fireExceptionCaught(cause);
        }
    }

    @ChannelHandler.Sharable
    private static final class PassThrough extends ChannelInboundHandlerAdapter {}

    @ChannelHandler.Sharable
    private static final class Factory extends ChannelInboundHandlerAdapter implements ChannelHandlerFactory {
        private static final PassThrough PASS = new PassThrough();
        private final SslContext context;
        private final Duration handshakeTimeout;

        Factory(SslContext context, Duration handshakeTimeout) {
            this.context = context;
            this.handshakeTimeout = handshakeTimeout;
        }

        @Override
        public ChannelHandler newChannelHandler() {
            if (context == null) {
                return PASS;
            }
            return new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    addFirst(ch.pipeline(), context, handshakeTimeout);
                }
            };
        }
    }
}
