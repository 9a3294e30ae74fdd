package com.webptbridge.engine;

import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import com.webptbridge.transport.MllpClient;
import com.webptbridge.transport.Tls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security review's High finding: 200 connections from strangers that send nothing must not
 * lock WebPT's known sender out of the listener, and are closed once idle. Strangers come from
 * 127.0.0.2 to 127.0.0.11 (20 each), WebPT from 127.0.0.1 (by address) or with its certificate.
 */
class MllpFloodIT {

    private static final int STRANGER_ADDRESSES = 10;
    private static final int PER_ADDRESS = 20;
    private static final String PW = "test-store-pw";
    /** TLS: a smaller listener (40, 20 of them reserved), as 180 handshakes take minutes on a shared 2-core machine. */
    private static final int TLS_MAX = 40;

    @TempDir
    Path dir;

    private Map<String, String> settings(String senders, int max, int idleSeconds) throws IOException {
        Path interfaces = Files.createDirectories(dir.resolve("interfaces"));
        Files.writeString(
                interfaces.resolve("webpt.yaml"),
                "id: webpt\nmllp:\n  host: 127.0.0.1\n  port: " + TestEngine.freePort() + "\nsenders:\n" + senders);
        Map<String, String> s = new HashMap<>();
        s.put("bridge.interfaces.dir", interfaces.toString());
        s.put("bridge.mllp.max-connections", String.valueOf(max));
        s.put("bridge.mllp.reserved-connections", "20");
        s.put("bridge.mllp.max-connections-per-address", String.valueOf(PER_ADDRESS));
        s.put("bridge.mllp.idle-timeout-seconds", String.valueOf(idleSeconds));
        s.put("bridge.mllp.tls.handshake-timeout-ms", "2000");
        return s;
    }

    private static byte[] a04(String control) {
        return Hl7Text.bytes("MSH|^~\\&|WEBPT|FLOOD|CMD|BILLING|20261120||ADT^A04^ADT_A01|" + control
                + "|P|2.5.1\nPID|1||F" + control + "^^^WEBPT^MR||Flood^Sam||19700101|M\n");
    }

    private static InetAddress stranger(int i) throws IOException {
        return InetAddress.getByName("127.0.0." + (2 + i / PER_ADDRESS));
    }

    @Test
    void twoHundredSilentStrangersDoNotLockOutAKnownAddressAndAreClosedWhenIdle() throws Exception {
        try (TestEngine engine = TestEngine.start(settings("  addresses: [127.0.0.1]\n", 200, 6))) {
            List<Socket> strangers = new ArrayList<>();
            try {
                for (int i = 0; i < STRANGER_ADDRESSES * PER_ADDRESS; i++) {
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress(stranger(i), 0));
                    s.connect(new InetSocketAddress("127.0.0.1", engine.mllpPort()), 5000);
                    strangers.add(s);
                }
                Socket oneMore = new Socket();
                oneMore.bind(new InetSocketAddress(stranger(0), 0));
                oneMore.connect(new InetSocketAddress("127.0.0.1", engine.mllpPort()), 5000);
                strangers.add(oneMore);

                // Strangers share 180 places; the last address's 20 find no room, one more from the first is over its
                // own limit.
                waitFor(() -> engine.metric("bridge_mllp_connections_closed_total\\{reason=\"cap\"}") == 20
                        && engine.metric("bridge_mllp_connections_closed_total\\{reason=\"per-address\"}") == 1);
                assertThat(engine.metric("bridge_mllp_connections")).isEqualTo(180);

                try (MllpClient webpt = engine.connect()) {
                    assertThat(new String(webpt.exchange(a04("FLOOD-1")), StandardCharsets.UTF_8))
                            .contains("MSA|AA");
                }

                // No frame for the idle bound: every stranger is closed by the engine.
                waitFor(() -> engine.metric("bridge_mllp_connections_closed_total\\{reason=\"idle\"}") >= 180);
                for (Socket s : strangers) {
                    assertThat(closedByEngine(s)).isTrue();
                }
                waitFor(() -> engine.metric("bridge_mllp_connections") == 0);
            } finally {
                for (Socket s : strangers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void anonymousTlsHandshakesDoNotLockOutAKnownCertificateAndStalledHandshakesAreClosed() throws Exception {
        Path certs = dir.resolve("certs");
        Cli.Result made = Cli.runAsGiven("tls", "self-signed", "--out", certs.toString(), "--store-password", PW);
        assertThat(made.exitCode()).as(made.err()).isZero();
        Map<String, String> s = settings("  subjects: [\"CN=WebPT test sender\"]\n", TLS_MAX, 25);
        s.put("bridge.mllp.tls", "true");
        s.put("bridge.mllp.tls.client-auth", "want");
        s.put("bridge.tls.keystore", certs.resolve("server.p12").toString());
        s.put("bridge.tls.keystore-password", PW);
        s.put("bridge.tls.truststore", certs.resolve("server-truststore.p12").toString());
        s.put("bridge.tls.truststore-password", PW);
        SSLContext anonymous = Tls.client(new Tls.Store(certs.resolve("client-truststore.p12"), PW), null);
        SSLContext webptTls = Tls.client(
                new Tls.Store(certs.resolve("client-truststore.p12"), PW),
                new Tls.Store(certs.resolve("client.p12"), PW));
        try (TestEngine engine = TestEngine.start(s)) {
            List<Socket> strangers = new ArrayList<>();
            try {
                for (int i = 0; i < TLS_MAX - 20; i++) {
                    SSLSocket t = (SSLSocket)
                            anonymous.getSocketFactory().createSocket("127.0.0.1", engine.mllpPort(), stranger(i), 0);
                    t.startHandshake(); // handshake done, then silence (180 handshakes take a while here: the
                    // idle bound is 25 s)
                    strangers.add(t);
                }
                waitFor(() -> engine.metric("bridge_mllp_connections") == TLS_MAX - 20);
                // Ten more that never send a ClientHello: the strangers' share is full, so they may only
                // handshake in the reserved room, and are closed when the handshake does not finish.
                for (int i = 0; i < 10; i++) {
                    Socket stall = new Socket();
                    stall.bind(new InetSocketAddress(stranger(PER_ADDRESS), 0));
                    stall.connect(new InetSocketAddress("127.0.0.1", engine.mllpPort()), 5000);
                    strangers.add(stall);
                }

                // WebPT, from an address not on the list, is known by its certificate.
                try (MllpClient webpt =
                        MllpClient.connect("127.0.0.1", engine.mllpPort(), Duration.ofSeconds(10), webptTls)) {
                    assertThat(new String(webpt.exchange(a04("FLOOD-TLS")), StandardCharsets.UTF_8))
                            .contains("MSA|AA");
                }

                waitFor(() -> engine.metric("bridge_mllp_connections_closed_total\\{reason=\"handshake\"}") >= 10);
                waitFor(() -> engine.metric("bridge_mllp_connections_closed_total\\{reason=\"idle\"}") >= TLS_MAX - 20);
                for (Socket t : strangers) {
                    assertThat(closedByEngine(t)).isTrue();
                }
            } finally {
                for (Socket t : strangers) {
                    t.close();
                }
            }
        }
    }

    /** True when the engine closed the connection (end of stream or reset) within 10 seconds. */
    private static boolean closedByEngine(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        try {
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset, or the TLS layer reporting the close
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Wait.until("the engine's connection counts", Duration.ofSeconds(60), condition);
    }
}
