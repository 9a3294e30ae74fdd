package com.webptbridge.api;

import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 1 of issue 22: six stalled POST bodies and six stalled header sets are closed by the
 * server within bridge.http.request-timeout-seconds (3 s here), /health answers throughout, and
 * bridge_http_connections_closed_total counts them; one address holds only so many connections.
 */
class SlowClientsIT {

    private static final String BODY = "bridge_http_connections_closed_total\\{reason=\"body\"}";
    private static final String HEADERS = "bridge_http_connections_closed_total\\{reason=\"headers\"}";

    private static Socket stalled(TestEngine engine, String start) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", engine.engine().httpPort()), 5000);
        OutputStream out = s.getOutputStream();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(30_000);
        try {
            while (true) {
                if (s.getInputStream().read() == -1) {
                    return true; // an answer (408 or none), then the close
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Test
    void stalledBodiesAndHeadersAreClosedWithinTheBoundAndHealthAnswersThroughout() throws Exception {
        try (TestEngine engine = TestEngine.start(
                Map.of("bridge.http.request-timeout-seconds", "3", "bridge.http.max-connections-per-address", "20"))) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    stalled.add(stalled(
                            engine,
                            "POST /api/interfaces/default/payers HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Authorization: " + TestEngine.ADMIN_AUTH + "\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\": \"Sl"));
                    stalled.add(stalled(engine, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
                }
                assertThat(engine.get("/health", null).statusCode()).isEqualTo(200);
                Wait.until("12 stalled connections closed", Duration.ofSeconds(60), () -> {
                    try {
                        assertThat(engine.get("/health", null).statusCode()).isEqualTo(200);
                    } catch (IOException | InterruptedException e) {
                        throw new AssertionError("/health did not answer", e);
                    }
                    return engine.metric(BODY) >= 6 && engine.metric(HEADERS) >= 6;
                });
                for (Socket s : stalled) {
                    assertThat(closedByServer(s)).as("closed by the server").isTrue();
                }
                assertThat(engine.metric(BODY)).isEqualTo(6);
                assertThat(engine.metric(HEADERS)).isEqualTo(6);
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }

            // One address holds at most 20 connections: the 21st and later are closed at once.
            List<Socket> many = new ArrayList<>();
            try {
                for (int i = 0; i < 22; i++) {
                    many.add(stalled(engine, ""));
                }
                Wait.until(
                        "connections over the per-address limit closed",
                        Duration.ofSeconds(30),
                        () -> engine.metric("bridge_http_connections_closed_total\\{reason=\"per-address\"}") >= 2);
            } finally {
                for (Socket s : many) {
                    s.close();
                }
            }
        }
    }
}
