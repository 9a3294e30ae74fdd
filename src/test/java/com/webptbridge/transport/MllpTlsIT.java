package com.webptbridge.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.tester.AckServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MLLP over TLS with certificates from {@code bridge tls self-signed}. */
class MllpTlsIT {

    private static final String PW = "test-store-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path certs;

    @BeforeAll
    static void makeCertificates() throws IOException {
        Cli.Result made = Cli.runAsGiven("tls", "self-signed", "--out", certs.toString(), "--store-password", PW);
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("bridge.mllp.tls=true");
        for (String store :
                new String[] {"server.p12", "client.p12", "server-truststore.p12", "client-truststore.p12"}) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            java.nio.file.Files.getPosixFilePermissions(certs.resolve(store))))
                    .as("%s holds a private key or the trust: the owner's only", store)
                    .isEqualTo("rw-------");
        }
    }

    private static Map<String, String> tls(String clientAuth) {
        return Map.of(
                "bridge.mllp.tls",
                "true",
                "bridge.mllp.tls.client-auth",
                clientAuth,
                "bridge.tls.keystore",
                certs.resolve("server.p12").toString(),
                "bridge.tls.keystore-password",
                PW,
                "bridge.tls.truststore",
                certs.resolve("server-truststore.p12").toString(),
                "bridge.tls.truststore-password",
                PW);
    }

    private static SSLContext client(boolean withCertificate) throws IOException {
        return Tls.client(
                new Tls.Store(certs.resolve("client-truststore.p12"), PW),
                withCertificate ? new Tls.Store(certs.resolve("client.p12"), PW) : null);
    }

    private static byte[] a04(String control) {
        return Hl7Text.bytes("MSH|^~\\&|WEBPT|TLSCLINIC|CMD|BILLING|20261120||ADT^A04^ADT_A01|" + control
                + "|P|2.5.1\nPID|1||T" + control + "^^^WEBPT^MR||Tls^Sam||19700101|M\n");
    }

    private static String ack(TestEngine engine, SSLContext tls, byte[] message) throws IOException {
        try (MllpClient c = MllpClient.connect("localhost", engine.mllpPort(), Duration.ofSeconds(10), tls)) {
            return new String(c.exchange(message), StandardCharsets.UTF_8);
        }
    }

    private static int journaled(TestEngine engine) throws Exception {
        return JSON.readTree(engine.get("/api/messages").body()).size();
    }

    /** Whether a TLS 1.2 client offering only this suite completes a handshake with the port. */
    private static boolean handshakes(int port, String suite) throws IOException {
        try (javax.net.ssl.SSLSocket s =
                (javax.net.ssl.SSLSocket) client(false).getSocketFactory().createSocket("localhost", port)) {
            s.setSoTimeout(10_000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(new String[] {suite});
            s.startHandshake();
            return true;
        } catch (javax.net.ssl.SSLException e) {
            return false;
        }
    }

    @Test
    void httpsAndMllpAgreeOnOneCipherPolicy() throws Exception {
        Map<String, String> both = new java.util.HashMap<>(tls("none"));
        both.put("bridge.http.tls", "true");
        try (TestEngine engine = TestEngine.start(both)) {
            int https = engine.engine().httpPort();
            for (int port : new int[] {engine.mllpPort(), https}) {
                assertThat(handshakes(port, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
                        .as("port %d: ECDHE with AES-GCM", port)
                        .isTrue();
                assertThat(handshakes(port, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"))
                        .as("port %d: CBC with SHA-1 is refused", port)
                        .isFalse();
                assertThat(handshakes(port, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"))
                        .as("port %d: CBC is refused", port)
                        .isFalse();
            }
        }
    }

    @Test
    void aTlsClientGetsAaAndAPlainOneGetsNothingJournaled() throws Exception {
        try (TestEngine engine = TestEngine.start(tls("none"))) {
            assertThat(ack(engine, client(false), a04("TLS-1"))).contains("MSA|AA");
            assertThat(journaled(engine)).isEqualTo(1);

            assertThatThrownBy(() -> ack(engine, null, a04("PLAIN-1"))).isInstanceOf(IOException.class);
            assertThat(journaled(engine)).isEqualTo(1);

            // TLS 1.1 (a ClientHello for version 3.2) gets no ServerHello: an alert or a closed connection.
            try (Socket s = new Socket("127.0.0.1", engine.mllpPort())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(tls11ClientHello());
                InputStream in = s.getInputStream();
                int first = in.read();
                assertThat(first).as("record type (22 would be a ServerHello)").isNotEqualTo(22);
            }

            Cli.Result sent = Cli.run(
                    "send",
                    "--host",
                    "localhost",
                    "--port",
                    String.valueOf(engine.mllpPort()),
                    "--tls",
                    "--truststore",
                    certs.resolve("client-truststore.p12").toString(),
                    "--truststore-password",
                    PW,
                    "hl7-samples/adt/01-a04-new-patient-v251.hl7");
            assertThat(sent.exitCode()).as(sent.out() + sent.err()).isZero();
            Cli.Result load = Cli.run(
                    "load",
                    "--host",
                    "localhost",
                    "--port",
                    String.valueOf(engine.mllpPort()),
                    "--messages",
                    "20",
                    "--connections",
                    "2",
                    "--tls",
                    "--truststore",
                    certs.resolve("client-truststore.p12").toString(),
                    "--truststore-password",
                    PW);
            assertThat(load.exitCode()).as(load.out() + load.err()).isZero();
            assertThat(load.out()).contains("answered=20 failed=0");
        }
    }

    @Test
    void withClientAuthRequireOnlyATrustedCertificateGetsIn() throws Exception {
        try (TestEngine engine = TestEngine.start(tls("require"))) {
            assertThatThrownBy(() -> ack(engine, client(false), a04("NOCERT-1")))
                    .isInstanceOf(IOException.class);
            assertThat(journaled(engine)).isZero();
            assertThat(ack(engine, client(true), a04("CERT-1"))).contains("MSA|AA");
            assertThat(journaled(engine)).isEqualTo(1);
        }
    }

    @Test
    void theAckServerSpeaksTlsForTheBenchmark() throws Exception {
        try (AckServer server = AckServer.start(
                "127.0.0.1",
                0,
                Tls.server(new Tls.Store(certs.resolve("server.p12"), PW), null, Tls.ClientCertificates.NONE))) {
            try (MllpClient c = MllpClient.connect("localhost", server.port(), Duration.ofSeconds(10), client(false))) {
                assertThat(new String(c.exchange(a04("ACK-1")), StandardCharsets.UTF_8))
                        .contains("MSA|AA");
            }
        }
    }

    /** A TLS 1.1 ClientHello offering only suites TLS 1.1 has (CBC with SHA-1). */
    private static byte[] tls11ClientHello() {
        byte[] random = new byte[32];
        byte[] body = new byte[2 + 32 + 1 + 2 + 4 + 2];
        int i = 0;
        body[i++] = 3;
        body[i++] = 2; // TLS 1.1
        System.arraycopy(random, 0, body, i, 32);
        i += 32;
        body[i++] = 0; // no session id
        body[i++] = 0;
        body[i++] = 4; // two suites
        body[i++] = (byte) 0xC0;
        body[i++] = 0x13; // TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
        body[i++] = 0x00;
        body[i++] = 0x2F; // TLS_RSA_WITH_AES_128_CBC_SHA
        body[i++] = 1;
        body[i] = 0; // null compression
        byte[] handshake = new byte[4 + body.length];
        handshake[0] = 1; // ClientHello
        handshake[3] = (byte) body.length;
        System.arraycopy(body, 0, handshake, 4, body.length);
        byte[] record = new byte[5 + handshake.length];
        record[0] = 22;
        record[1] = 3;
        record[2] = 2;
        record[4] = (byte) handshake.length;
        System.arraycopy(handshake, 0, record, 5, handshake.length);
        return record;
    }
}
