package com.webptbridge.engine;

import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.transport.ConnectionGate;
import com.webptbridge.transport.ConnectionLimit;
import com.webptbridge.transport.FrameLimits;
import com.webptbridge.transport.MllpCodec;
import com.webptbridge.transport.Tls;
import io.netty.handler.ssl.SslContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.netty.NettyComponent;
import org.apache.camel.spi.Registry;

import java.time.Duration;
import java.util.List;

/**
 * How the MLLP listeners read and write, from the {@code bridge.mllp.*} settings: the Netty
 * handlers the listener template names ({@code #mllpConnectionLimit}, {@code #mllpTls},
 * {@code #mllpFrameDecoder}, {@code #mllpIdle}, {@code #mllpGate}, {@code #mllpFrameEncoder}) and the processing threads.
 */
final class MllpOptions {

    private MllpOptions() {}

    static void bind(Settings settings, CamelContext camel, ConnectionLimit connections, ConnectionGate gate) {
        FrameLimits limits = new FrameLimits(
                settings.getInt("bridge.mllp.max-frame-bytes"),
                Duration.ofMillis(settings.getInt("bridge.mllp.frame-timeout-ms")));
        // camel-netty runs a route on its ordered executor group, sized 2 x cores + 1 by default: so
        // few messages in flight would leave the batch writer small batches (docs/benchmarks.md).
        camel.getComponent("netty", NettyComponent.class)
                .setMaximumPoolSize(settings.getInt("bridge.mllp.processing-threads"));
        Registry beans = camel.getRegistry();
        beans.bind("mllpGate", gate);
        beans.bind(
                "mllpTls",
                Tls.handler(tls(settings), Duration.ofMillis(settings.getInt("bridge.mllp.tls.handshake-timeout-ms"))));
        beans.bind(
                "mllpIdle",
                MllpCodec.idleLimit(
                        Duration.ofSeconds(settings.getInt("bridge.mllp.idle-timeout-seconds")),
                        connections.closures()));
        beans.bind("mllpConnectionLimit", MllpCodec.connectionLimit(connections));
        beans.bind("mllpFrameDecoder", MllpCodec.decoder(limits));
        beans.bind("mllpFrameEncoder", MllpCodec.encoder());
    }

    /**
     * A warning for each port that takes plain MLLP on every address: the default, and fine behind
     * a VPN or on a private network, but PHI then crosses the network in clear, so the start says so
     * (and docs/deploy.md says how to bind one address).
     */
    static List<String> plainOnEveryAddress(Settings settings, List<InterfaceDefinition> interfaces) {
        if (settings.getBoolean("bridge.mllp.tls")) {
            return List.of();
        }
        return interfaces.stream()
                .filter(d -> d.host().equals("0.0.0.0") || d.host().equals("::"))
                .map(InterfaceDefinition::port)
                .distinct()
                .map(port -> "MLLP port " + port + " takes plain MLLP (no TLS) on every address: messages cross the"
                        + " network in clear. Bind one address (bridge.mllp.host, or mllp.host in the interface file)"
                        + " or turn TLS on (bridge.mllp.tls=true)")
                .toList();
    }

    /** The listener's TLS context when bridge.mllp.tls=true, else null (plain MLLP). */
    static SslContext tls(Settings settings) {
        if (!settings.getBoolean("bridge.mllp.tls")) {
            return null;
        }
        return Tls.server(
                TlsStores.read(settings, "bridge.tls.keystore"),
                TlsStores.read(settings, "bridge.tls.truststore"),
                Tls.ClientCertificates.parse(settings.get("bridge.mllp.tls.client-auth")));
    }
}
