package com.webptbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
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
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API is closed by default: every /api route needs a login (walked from the one access table),
 * roles and interface limits decide the rest, tokens work until revoked, browsers cannot be turned
 * against it, and reads of patient data and raw messages are in the access log for admin only.
 */
class ApiSecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static String viewer;
    private static String analyst;
    private static long journalId;

    @BeforeAll
    static void start() throws Exception {
        viewer = TestEngine.basic("vera", password(add("vera", "viewer", null)));
        analyst = TestEngine.basic("andy", password(add("andy", "analyst", null)));
        try (MllpClient c = engine.connect()) {
            String ack = new String(
                    c.exchange(Hl7Text.bytes("MSH|^~\\&|WEBPT|SECCLINIC|CMD|BILLING|20261120||ADT^A04^ADT_A01|SEC-1"
                            + "|P|2.5.1\nPID|1||S100^^^WEBPT^MR||Secretname^Sam||19700101|M\n")),
                    StandardCharsets.UTF_8);
            assertThat(ack).contains("MSA|AA");
        }
        journalId = JSON.readTree(engine.get("/api/messages?patientId=S100").body())
                .get(0)
                .get("id")
                .asLong();
    }

    private static JsonNode add(String name, String role, String interfaces) throws Exception {
        HttpResponse<String> r = engine.send(
                "POST",
                "/api/users",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\""
                        + (interfaces == null ? "" : ",\"interfaces\":\"" + interfaces + "\"") + "}",
                TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private static String password(JsonNode added) {
        return added.get("password").asText();
    }

    @Test
    void everyApiRouteInTheAccessTableNeedsALogin() throws Exception {
        List<String[]> requests = new java.util.ArrayList<>();
        for (Endpoint e : Endpoints.declared()) {
            for (ApiPath route : e.open() ? List.<ApiPath>of() : e.routes()) {
                // sent as it takes its body (a CSV import: text/csv), so the login is what is refused
                requests.add(new String[] {
                    e.method().name(), example(route), e.consumes().get(0)
                });
            }
        }
        requests.add(new String[] {"GET", "/api/not-a-route", "application/json"});
        assertThat(requests).hasSizeGreaterThan(60);
        for (String[] request : requests) {
            String method = request[0];
            HttpResponse<String> r =
                    engine.send(method, request[1], method.equals("GET") ? null : "{}", request[2], null);
            assertThat(r.statusCode()).as(method + " " + request[1]).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
            assertThat(r.body()).contains("Log in");
        }
        // And the interface-scoped forms of the same resources.
        assertThat(engine.get("/api/interfaces/default/patients/S100", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theOpenRoutesAnswerWithoutLoginAndShowOnlyUpDownAndPartNames() throws Exception {
        List<String> probes = Endpoints.declared().stream()
                .filter(e -> e.open() && e.path().template().startsWith("/health"))
                .map(e -> e.path().template())
                .toList();
        assertThat(probes).containsExactly("/health", "/health/ready", "/health/live");
        for (String probe : probes) {
            HttpResponse<String> r = engine.get(probe, null);
            assertThat(r.statusCode()).as(probe).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(r.body()).doesNotContain("Secretname").doesNotContain("jdbc");
        }
        JsonNode ready = JSON.readTree(engine.get("/health/ready", null).body());
        assertThat(ready.get("checks").fieldNames())
                .toIterable()
                .containsExactly("mllp", "database", "migrations", "shutdown");
        assertThat(JSON.readTree(engine.get("/health/live", null).body()))
                .isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void healthShowsOnlyTheStatusWithoutLogin() throws Exception {
        HttpResponse<String> r = engine.get("/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void aViewerSeesMetadataButNoPatientDataRawMessagesOrChanges() throws Exception {
        assertThat(engine.get("/api/messages", viewer).statusCode()).isEqualTo(200);
        assertThat(engine.get("/api/messages/" + journalId, viewer).statusCode())
                .isEqualTo(200);
        assertThat(engine.get("/api/worklist", viewer).statusCode()).isEqualTo(200);
        assertThat(engine.get("/api/payers", viewer).statusCode()).isEqualTo(200);
        HttpResponse<String> patient = engine.get("/api/patients/S100", viewer);
        assertThat(patient.statusCode()).isEqualTo(403);
        assertThat(patient.body()).contains("needs the analyst role").doesNotContain("Secretname");
        assertThat(engine.get("/api/messages/" + journalId + "?raw=true", viewer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(engine.send("POST", "/api/referring-providers", "{}", viewer).statusCode())
                .isEqualTo(403);
        assertThat(engine.send("POST", "/api/messages/" + journalId + "/reprocess", null, viewer)
                        .statusCode())
                .isEqualTo(403);
        assertThat(engine.get("/api/users", viewer).statusCode()).isEqualTo(403);
    }

    @Test
    void anAnalystReadsPatientsAndRawMessagesWhichTheAccessLogRecordsForAdminOnly() throws Exception {
        HttpResponse<String> patient = engine.get("/api/patients/S100", analyst);
        assertThat(patient.statusCode()).isEqualTo(200);
        assertThat(patient.body()).contains("Secretname");
        HttpResponse<String> raw = engine.get("/api/messages/" + journalId + "?raw=true", analyst);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body()).contains("rawMessage");
        HttpResponse<String> payer =
                engine.send("POST", "/api/payers", "{\"name\":\"Aetna\",\"payerId\":\"60054\"}", analyst);
        assertThat(payer.statusCode()).as(payer.body()).isEqualTo(201);

        assertThat(engine.get("/api/access-log", analyst).statusCode()).isEqualTo(403);
        HttpResponse<String> log = engine.get("/api/access-log?user=andy", TestEngine.ADMIN_AUTH);
        assertThat(log.statusCode()).isEqualTo(200);
        JsonNode rows = JSON.readTree(log.body());
        assertThat(rows.findValuesAsText("action")).contains("READ_PATIENT", "READ_RAW", "CHANGE");
        assertThat(log.body()).doesNotContain("Secretname").doesNotContain("PID|");
        JsonNode byPatient = JSON.readTree(engine.get("/api/access-log?patientId=S100", TestEngine.ADMIN_AUTH)
                .body());
        assertThat(byPatient.get(0).get("user").asText()).isEqualTo("andy");
        assertThat(byPatient.get(0).get("interfaceId").asText()).isEqualTo("default");
        assertThat(rows.findValuesAsText("journalId")).contains(String.valueOf(journalId));
    }

    @Test
    void aBearerTokenWorksUntilItsAccountIsRemovedAndTheCliPrintsSecretsAloneOnTheLastLine() throws Exception {
        Cli.Result added = Cli.run("user", "add", "scripty", "--role", "analyst", "--url", engine.url());
        assertThat(added.exitCode()).as(added.err()).isZero();
        String[] lines = added.out().strip().split("\n");
        String password = lines[lines.length - 1].strip();
        assertThat(engine.get("/api/patients/S100", TestEngine.basic("scripty", password))
                        .statusCode())
                .isEqualTo(200);

        Cli.Result token = Cli.run("user", "token", "scripty", "--url", engine.url());
        assertThat(token.exitCode()).as(token.err()).isZero();
        String[] tokenLines = token.out().strip().split("\n");
        String bearer = "Bearer " + tokenLines[tokenLines.length - 1].strip();
        assertThat(engine.get("/api/patients/S100", bearer).statusCode()).isEqualTo(200);
        assertThat(Cli.run("user", "list", "--url", engine.url()).out()).contains("scripty");

        Cli.Result removed = Cli.run("user", "remove", "scripty", "--url", engine.url());
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(engine.get("/api/patients/S100", bearer).statusCode()).isEqualTo(401);

        Cli.Result anonymous = Cli.runAsGiven("worklist", "--url", engine.url());
        assertThat(anonymous.exitCode()).isEqualTo(2);
        assertThat(anonymous.err()).contains("wants a login (401)").contains("--user");
        Cli.Result asViewer = Cli.runAsGiven(
                "--user", "vera", "--password", viewer.isEmpty() ? "" : "wrong", "worklist", "--url", engine.url());
        assertThat(asViewer.exitCode()).isEqualTo(2);
    }

    @Test
    void aCrossOriginTextPlainPostAndAForeignHostAreRefused() throws Exception {
        int before =
                JSON.readTree(engine.get("/api/referring-providers").body()).size();
        String form = "{\"npi\":\"1245319599\",\"lastName\":\"Evil\",\"firstName\":\"Eve\"}";
        // What a page on another site makes a browser send, with the Basic login the browser cached.
        String status = raw("POST /api/referring-providers HTTP/1.1\r\nHost: 127.0.0.1:"
                + engine.engine().httpPort()
                + "\r\nOrigin: http://evil.example\r\nContent-Type: text/plain\r\nAuthorization: "
                + TestEngine.ADMIN_AUTH + "\r\nContent-Length: " + form.length() + "\r\nConnection: close\r\n\r\n"
                + form);
        assertThat(status).startsWith("HTTP/1.1 403");
        // Even without an Origin header, a change that is not JSON is refused.
        String plain = raw("POST /api/referring-providers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain"
                + "\r\nAuthorization: " + TestEngine.ADMIN_AUTH + "\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form);
        assertThat(plain).startsWith("HTTP/1.1 415");
        assertThat(JSON.readTree(engine.get("/api/referring-providers").body()).size())
                .isEqualTo(before);
        // DNS rebinding: the page's own name in Host.
        String rebound = raw("GET /api/patients/S100 HTTP/1.1\r\nHost: evil.example:"
                + engine.engine().httpPort() + "\r\nAuthorization: " + TestEngine.ADMIN_AUTH
                + "\r\nConnection: close\r\n\r\n");
        assertThat(rebound).startsWith("HTTP/1.1 403").doesNotContain("Secretname");
    }

    @Test
    void answersCarrySecurityHeadersAndLargeBodiesAreRefused() throws Exception {
        HttpResponse<String> r = engine.get("/api/messages");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        v -> assertThat(v).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertThat(engine.send("POST", "/api/payers", big, TestEngine.ADMIN_AUTH)
                        .statusCode())
                .isEqualTo(413);
    }

    @Test
    void failedLoginsAreLoggedWithoutThePasswordAndSlowedDown() throws Exception {
        add("flo", "viewer", null);
        try (LogCapture logs = new LogCapture()) {
            int last = 0;
            for (int i = 0; i < 3; i++) {
                last = engine.get("/api/messages", TestEngine.basic("flo", "guess-number-" + i))
                        .statusCode();
            }
            assertThat(last).isEqualTo(401);
            assertThat(logs.textAsShipped())
                    .contains("Failed login for account 'flo'")
                    .contains("the next attempt from there is taken in")
                    .doesNotContain("guess-number");
        }
        HttpResponse<String> locked = engine.get("/api/messages", TestEngine.basic("flo", "guess-number-9"));
        assertThat(locked.body()).contains("Too many failed logins");
    }

    @Test
    void anAnalystLimitedToOneInterfaceGetsNothingOfAnother(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (TestEngine two = TestEngine.start(java.util.Map.of("bridge.interfaces.dir", dir.toString()))) {
            HttpResponse<String> added = two.send(
                    "POST",
                    "/api/interfaces",
                    "{\"id\":\"clinic-b\",\"name\":\"Clinic B\",\"port\":" + TestEngine.freePort() + "}",
                    TestEngine.ADMIN_AUTH);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            HttpResponse<String> user = two.send(
                    "POST",
                    "/api/users",
                    "{\"name\":\"ann\",\"role\":\"analyst\",\"interfaces\":\"default\"}",
                    TestEngine.ADMIN_AUTH);
            String ann = TestEngine.basic(
                    "ann", JSON.readTree(user.body()).get("password").asText());
            assertThat(two.get("/api/interfaces/default/payers", ann).statusCode())
                    .isEqualTo(200);
            assertThat(two.get("/api/interfaces/default/patients/NOPE", ann).statusCode())
                    .isEqualTo(404);
            assertThat(two.get("/api/interfaces/clinic-b/patients/NOPE", ann).statusCode())
                    .isEqualTo(403);
            assertThat(two.get("/api/interfaces/clinic-b/payers", ann).statusCode())
                    .isEqualTo(403);
            assertThat(two.send("POST", "/api/interfaces/clinic-b/payers", "{\"name\":\"X\"}", ann)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(two.get("/api/interfaces/clinic-b/messages", ann).statusCode())
                    .isEqualTo(403);
        }
    }

    /** A request path for a route: the running interface, and 1 for every other parameter. */
    private static String example(ApiPath route) {
        return route.filled(p -> p.equals(ApiPath.INTERFACE) ? "default" : "1");
    }

    /** One raw HTTP/1.1 exchange (the JDK client will not send a foreign Host); the answer's text. */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", engine.engine().httpPort())) {
            s.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
