package com.webptbridge.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutual TLS ties a sender's certificate to a practice: an interface's {@code tlsSubjects} lists
 * the client certificates it takes messages from; any other certificate's message is answered AR
 * and journaled. Certificates from {@code bridge tls self-signed} (the client's subject is
 * {@code CN=WebPT test sender}).
 */
class MllpTlsSubjectsIT {

    private static final String PW = "test-store-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path certs;

    @TempDir
    static Path interfaces;

    private static int listedPort;
    private static int otherPort;
    private static int patternPort;

    @BeforeAll
    static void makeCertificatesAndInterfaces() throws IOException {
        Cli.Result made = Cli.runAsGiven("tls", "self-signed", "--out", certs.toString(), "--store-password", PW);
        assertThat(made.exitCode()).as(made.err()).isZero();
        listedPort = TestEngine.freePort();
        otherPort = TestEngine.freePort();
        patternPort = TestEngine.freePort();
        write("listed", listedPort, "  - CN=WebPT test sender\n");
        write("other", otherPort, "  - CN=webpt-prod, O=WebPT\n");
        write("pattern", patternPort, "  - CN=webpt test *\n");
    }

    private static void write(String id, int port, String subjects) throws IOException {
        Files.writeString(
                interfaces.resolve(id + ".yaml"),
                "id: " + id + "\nmllp:\n  host: 127.0.0.1\n  port: " + port + "\ntlsSubjects:\n" + subjects);
    }

    private static TestEngine engine() throws Exception {
        return TestEngine.start(Map.of(
                "bridge.interfaces.dir",
                interfaces.toString(),
                "bridge.mllp.tls",
                "true",
                "bridge.mllp.tls.client-auth",
                "require",
                "bridge.tls.keystore",
                certs.resolve("server.p12").toString(),
                "bridge.tls.keystore-password",
                PW,
                "bridge.tls.truststore",
                certs.resolve("server-truststore.p12").toString(),
                "bridge.tls.truststore-password",
                PW));
    }

    private static String ack(int port, String control) throws IOException {
        return ack(
                port,
                control,
                Tls.client(
                        new Tls.Store(certs.resolve("client-truststore.p12"), PW),
                        new Tls.Store(certs.resolve("client.p12"), PW)));
    }

    private static String ack(int port, String control, javax.net.ssl.SSLContext tls) throws IOException {
        byte[] message = Hl7Text.bytes("MSH|^~\\&|WEBPT|TLSCLINIC|CMD|BILLING|20261120||ADT^A04^ADT_A01|" + control
                + "|P|2.5.1\nPID|1||T" + control + "^^^WEBPT^MR||Tls^Sam||19700101|M\n");
        try (MllpClient c = MllpClient.connect("localhost", port, Duration.ofSeconds(10), tls)) {
            return new String(c.exchange(message), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aListedSubjectOrPatternIsTakenAndAnyOtherIsAnsweredArAndJournaled() throws Exception {
        try (TestEngine engine = engine()) {
            assertThat(ack(listedPort, "SUBJ-1")).contains("MSA|AA");
            assertThat(ack(patternPort, "SUBJ-2")).as("a CN pattern").contains("MSA|AA");

            String refused = ack(otherPort, "SUBJ-3");
            assertThat(refused)
                    .contains("MSA|AR")
                    .contains("TLS client certificate (CN=WebPT test sender) is not one interface other takes")
                    .contains("tlsSubjects in conf/interfaces/other.yaml");

            JsonNode journal =
                    JSON.readTree(engine.get("/api/interfaces/other/messages").body());
            assertThat(journal).hasSize(1);
            assertThat(journal.get(0).get("controlId").asText()).isEqualTo("SUBJ-3");
            assertThat(journal.get(0).get("status").asText()).isEqualTo("REJECTED");
            assertThat(engine.get("/api/interfaces/other/patients/TSUBJ-3", TestEngine.ADMIN_AUTH)
                            .statusCode())
                    .as("not applied")
                    .isEqualTo(404);
        }
    }

    @Test
    void onPlainMllpAnInterfaceThatListsSubjectsTakesNothing() throws Exception {
        try (TestEngine engine = TestEngine.start(Map.of("bridge.interfaces.dir", interfaces.toString()))) {
            assertThat(ack(listedPort, "PLAIN-1", null))
                    .contains("MSA|AR")
                    .contains("TLS client certificate (none) is not one interface listed takes");
        }
    }
}
