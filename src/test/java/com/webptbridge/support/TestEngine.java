package com.webptbridge.support;

import com.webptbridge.engine.BridgeEngine;
import com.webptbridge.engine.Settings;
import com.webptbridge.transport.MllpClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real engine on free ports with a fresh database, and clients to talk to it. */
public final class TestEngine implements AutoCloseable {

    /** The admin account's password in every test engine (bridge.admin.password). */
    public static final String ADMIN_PASSWORD = "test-admin-password";

    /** The Authorization header that logs in as admin. */
    public static final String ADMIN_AUTH = basic("admin", ADMIN_PASSWORD);

    private final BridgeEngine engine;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestEngine(BridgeEngine engine) {
        this.engine = engine;
    }

    public static TestEngine start() throws Exception {
        return start(Map.of());
    }

    public static TestEngine start(Map<String, String> overrides) throws Exception {
        Map<String, String> s = new HashMap<>();
        s.put("bridge.mllp.host", "127.0.0.1");
        s.put("bridge.mllp.port", String.valueOf(freePort()));
        s.put("bridge.http.host", "127.0.0.1");
        s.put("bridge.http.port", "0");
        s.put("bridge.db.url", TestDatabase.freshUrl());
        s.put("bridge.db.user", TestDatabase.user());
        s.put("bridge.db.pool-size", "8");
        s.put("bridge.admin.password", ADMIN_PASSWORD);
        // An interface added at run time is written to this folder: never the repo's conf/interfaces.
        s.put(
                "bridge.interfaces.dir",
                java.nio.file.Files.createTempDirectory("bridge-interfaces").toString());
        // Most tests are about processing, not the go-live path: their interfaces take traffic at once.
        // The lifecycle's own tests set this back to setup.
        s.put("bridge.interfaces.initial-state", "live");
        // No daily reports into the working tree's ./data: the tests of the daily report set a folder.
        s.put("bridge.reports.enabled", "false");
        s.putAll(overrides);
        return new TestEngine(BridgeEngine.start(Settings.of(s)));
    }

    public int mllpPort() {
        return engine.mllpPort();
    }

    public MllpClient connect() throws IOException {
        return MllpClient.connect("127.0.0.1", mllpPort(), Duration.ofSeconds(20));
    }

    /** Sends one message on a new connection and returns the ACK's text (UTF-8). */
    public String exchange(byte[] message) throws IOException {
        try (MllpClient client = connect()) {
            return new String(client.exchange(message), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public String exchange(Hl7Builder message) throws IOException {
        return exchange(message.bytes());
    }

    /** Sends one message and returns the ACK as HAPI reads it. */
    public ca.uhn.hl7v2.model.Message ack(Hl7Builder message) throws IOException, ca.uhn.hl7v2.HL7Exception {
        return Hl7Text.parseAck(exchange(message));
    }

    /** GET on the admin API as admin: status and body. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, ADMIN_AUTH);
    }

    /** GET with this Authorization header (null: none). */
    public HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return send("GET", path, null, authorization);
    }

    /** A request with a JSON body (or none) and this Authorization header (null: none). */
    public HttpResponse<String> send(String method, String path, String json, String authorization)
            throws IOException, InterruptedException {
        return send(method, path, json, "application/json", authorization);
    }

    /** A request with a body of this content type (a CSV export: text/csv) or none. */
    public HttpResponse<String> send(String method, String path, String body, String contentType, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!method.equals("GET")) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A series' value in /metrics (a regular expression for its name and labels, e.g.
     * {@code bridge_mllp_connections}), or -1 when it is not there.
     */
    public long metric(String series) {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$")
                    .matcher(get("/metrics").body());
            return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET /metrics failed", e);
        }
    }

    /** The admin API's base URL. */
    public String url() {
        return "http://127.0.0.1:" + engine.httpPort();
    }

    public static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public BridgeEngine engine() {
        return engine;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
