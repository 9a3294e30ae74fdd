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
        s.putAll(overrides);
        return new TestEngine(BridgeEngine.start(Settings.of(s)));
    }

    public int mllpPort() {
        return engine.mllpPort();
    }

    public MllpClient connect() throws IOException {
        return MllpClient.connect("127.0.0.1", mllpPort(), Duration.ofSeconds(20));
    }

    /** GET on the admin API: status and body. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.httpPort() + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
