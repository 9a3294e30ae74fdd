package com.webptbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.LogCapture;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a security review found in logins and the access log: parallel guesses all checked, an
 * account locked by anyone's guesses, unknown names answered faster and differently, and reads
 * whose patient or journal id the access log recorded wrong or not at all.
 */
class LoginAndAccessLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static long journalId;

    @BeforeAll
    static void start() throws Exception {
        try (MllpClient c = engine.connect()) {
            String ack = new String(
                    c.exchange(Hl7Text.bytes("MSH|^~\\&|WEBPT|SECCLINIC|CMD|BILLING|20261120||ADT^A04^ADT_A01|LAL-1"
                            + "|P|2.5.1\nPID|1||PT1^^^WEBPT^MR||Hidden^Holly||19700101|F\n")),
                    StandardCharsets.UTF_8);
            assertThat(ack).contains("MSA|AA");
        }
        journalId = JSON.readTree(engine.get("/api/messages?patientId=PT1").body())
                .get(0)
                .get("id")
                .asLong();
    }

    private static String add(String name, String role) throws Exception {
        HttpResponse<String> r = engine.send(
                "POST", "/api/users", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}", TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("password").asText();
    }

    @Test
    void sixteenParallelWrongGuessesAreNotAllChecked() throws Exception {
        add("paula", "viewer");
        add("hester", "viewer");
        for (String path : List.of("/api/messages", "/health")) {
            String name = path.equals("/health") ? "hester" : "paula";
            try (LogCapture logs = new LogCapture()) {
                ExecutorService pool = Executors.newFixedThreadPool(16);
                try {
                    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        String guess = "guess-" + i;
                        answers.add(pool.submit(() -> engine.get(path, TestEngine.basic(name, guess))));
                    }
                    for (Future<HttpResponse<String>> a : answers) {
                        a.get(120, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }
                long checked = Pattern.compile("Failed login for account '" + name + "'")
                        .matcher(logs.textAsShipped())
                        .results()
                        .count();
                assertThat(checked).as(path).isBetween(1L, (long) LoginThrottle.FREE);
            }
        }
    }

    @Test
    void guessesAtHealthAreSlowedDownAsAtTheApiAndTellNothing() throws Exception {
        add("hal", "viewer");
        String anonymous = engine.get("/health", null).body();
        assertThat(JSON.readTree(anonymous).has("database")).isFalse();
        // The first FREE - 1 failures are answered at once, the next one waits (1 s), as on /api.
        for (int i = 1; i < LoginThrottle.FREE; i++) {
            assertThat(engine.get("/health", TestEngine.basic("hal", "wrong-" + i))
                            .body())
                    .isEqualTo(anonymous);
        }
        long started = System.nanoTime();
        HttpResponse<String> third = engine.get("/health", TestEngine.basic("hal", "wrong-third"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(third.body()).isEqualTo(anonymous);
        assertThat(tookMs).as("the throttle's wait before the answer").isGreaterThanOrEqualTo(900);
    }

    @Test
    void anotherAddressWithTheRightPasswordIsNotLockedOutBySomeoneElsesGuesses() throws Exception {
        String password = add("lou", "viewer");
        for (int i = 0; i < 5; i++) {
            engine.get("/api/messages", TestEngine.basic("lou", "wrong-" + i));
        }
        // The same account and password from another loopback address, which has not been failing.
        String other = raw(
                "127.0.0.2",
                "GET /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestEngine.basic("lou", password)
                        + "\r\nConnection: close\r\n\r\n");
        assertThat(other).startsWith("HTTP/1.1 200");
        HttpResponse<String> locked = engine.get("/api/messages", TestEngine.basic("lou", password));
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("Too many failed logins");
    }

    @Test
    void anUnknownAccountCostsTheSameHashAndGetsTheSameLockOut() throws Exception {
        add("kim", "viewer");
        List<String> real = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            // One name after the other: the fourth guess comes while the third's lock (2 s) holds.
            for (int i = 0; i <= LoginThrottle.FREE; i++) {
                real.add(engine.get("/api/messages", TestEngine.basic("kim", "wrong-" + i))
                        .body());
            }
            for (int i = 0; i <= LoginThrottle.FREE; i++) {
                unknown.add(engine.get("/api/messages", TestEngine.basic("nobody-here", "wrong-" + i))
                        .body());
            }
            assertThat(logs.textAsShipped()).contains("Failed login for an unknown account");
        }
        assertThat(unknown.stream().map(LoginAndAccessLogIT::shape).toList())
                .isEqualTo(real.stream().map(LoginAndAccessLogIT::shape).toList())
                .last()
                .asString()
                .contains("Too many failed logins");
    }

    /** An answer with its wait in seconds left out. */
    private static String shape(String body) {
        Matcher m = Pattern.compile("in \\d+ s").matcher(body);
        return m.replaceAll("in N s");
    }

    @Test
    void aDoublyEncodedPatientIdIsDecodedOnceAndLoggedAsTheKeyRead() throws Exception {
        // %2550T1 is the patient ID "%50T1": no such patient. Decoded twice it would be PT1.
        HttpResponse<String> encoded = engine.get("/api/patients/%2550T1");
        assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(404);
        assertThat(encoded.body()).doesNotContain("Hidden");
        JsonNode rows = JSON.readTree(
                engine.get("/api/access-log?user=admin", TestEngine.ADMIN_AUTH).body());
        assertThat(rows.findValuesAsText("patientId")).contains("%50T1").doesNotContain("PT1");
    }

    @Test
    void aPaddedJournalIdOnARawReadIsLoggedAsTheIdRead() throws Exception {
        // A space before the id: the handler trims it and reads the message.
        HttpResponse<String> r = engine.get("/api/messages/%20" + journalId + "?raw=true");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode rows = JSON.readTree(engine.get("/api/access-log?user=admin").body());
        boolean found = false;
        for (JsonNode row : rows) {
            if ("READ_RAW".equals(row.path("action").asText())
                    && row.path("resource").asText().endsWith("%20" + journalId)) {
                assertThat(row.path("journalId").asLong()).isEqualTo(journalId);
                found = true;
            }
        }
        assertThat(found).as(rows.toString()).isTrue();
    }

    @Test
    void aRefusedReadOfPatientDataIsLogged() throws Exception {
        String password = add("vic", "viewer");
        HttpResponse<String> r = engine.get("/api/patients/PT1", TestEngine.basic("vic", password));
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode rows = JSON.readTree(engine.get("/api/access-log?user=vic").body());
        assertThat(rows.findValuesAsText("patientId")).contains("PT1");
        assertThat(rows.findValuesAsText("status")).contains("403");
    }

    @Test
    void aLongOperatorHeaderIsABadRequest() throws Exception {
        String big = "x".repeat(12_000);
        String answer = raw(
                "127.0.0.1",
                "POST /api/payers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                        + TestEngine.ADMIN_AUTH + "\r\nX-Operator: " + big
                        + "\r\nContent-Type: application/json\r\nContent-Length: 35\r\nConnection: close\r\n\r\n"
                        + "{\"name\":\"Long\",\"payerId\":\"60099\"}  ");
        assertThat(answer).startsWith("HTTP/1.1 400").contains("X-Operator");
    }

    @Test
    void anEmptyInterfaceLimitOrAWrongJsonTypeIsRefusedNotAnAccountOfEverything() throws Exception {
        for (String body : List.of(
                "{\"name\":\"empty\",\"role\":\"analyst\",\"interfaces\":[]}",
                "{\"name\":\"blank\",\"role\":\"analyst\",\"interfaces\":\"  \"}",
                "{\"name\":\"objs\",\"role\":\"analyst\",\"interfaces\":[{\"id\":\"default\"}]}",
                "{\"name\":{\"x\":1},\"role\":\"analyst\"}",
                "{\"name\":\"arr\",\"role\":[\"admin\"]}")) {
            HttpResponse<String> r = engine.send("POST", "/api/users", body, TestEngine.ADMIN_AUTH);
            assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.body()).containsAnyOf("interfaces", "name", "role");
        }
        assertThat(engine.get("/api/users").body()).doesNotContain("\"empty\"").doesNotContain("\"objs\"");
    }

    /** One raw HTTP/1.1 exchange from a given local address; the answer's text. */
    private static String raw(String from, String request) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", engine.engine().httpPort()), 10_000);
            s.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
