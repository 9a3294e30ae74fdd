package com.webptbridge.api;

import com.webptbridge.transport.ConnectionClosures;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Slow-loris guard for the admin API: a connection must deliver a request's headers, then its body,
 * each within {@code timeout}, and a kept-alive connection its next request within {@code timeout}
 * of the last answer; otherwise it is closed. A request being worked on (body read, answer not yet
 * written) is never cut. One address holds at most {@code maxPerAddress} connections. Closures are
 * counted by reason. Vert.x runs the API on one event loop, where all of this state lives.
 */
public final class SlowClients {

    /** The bounds, from bridge.http.request-timeout-seconds and bridge.http.max-connections-per-address. */
    public record Bounds(Duration timeout, int maxPerAddress, ConnectionClosures closures) {
        static final Bounds DEFAULT = new Bounds(Duration.ofSeconds(30), 32, new ConnectionClosures());
    }

    /** One connection: its current request (null before the first) and since when it waits for the client. */
    private static final class Client {
        final String address;
        HttpServerRequest request;
        long waitingSince = System.nanoTime();
        boolean answered;

        Client(String address) {
            this.address = address;
        }
    }

    private final Bounds bounds;
    private final Map<HttpConnection, Client> clients = new HashMap<>();
    private final Map<String, Integer> byAddress = new HashMap<>();

    SlowClients(Vertx vertx, Bounds bounds) {
        if (bounds.timeout().toMillis() < 1 || bounds.maxPerAddress() < 1) {
            throw new IllegalArgumentException("bridge.http.request-timeout-seconds and"
                    + " bridge.http.max-connections-per-address must be at least 1");
        }
        this.bounds = bounds;
        long tick = Math.max(100, Math.min(1000, bounds.timeout().toMillis() / 4));
        vertx.setPeriodic(tick, id -> sweep());
    }

    void connected(HttpConnection connection) {
        String address = connection.remoteAddress() == null
                ? "?"
                : connection.remoteAddress().hostAddress();
        int open = byAddress.merge(address, 1, Integer::sum);
        Client client = new Client(address);
        clients.put(connection, client);
        connection.closeHandler(v -> {
            clients.remove(connection);
            byAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
        });
        if (open > bounds.maxPerAddress()) {
            close(connection, ConnectionClosures.Reason.PER_ADDRESS);
        }
    }

    /** The server's request handler: notes each request's arrival, then hands it on. */
    Handler<HttpServerRequest> tracking(Handler<HttpServerRequest> next) {
        return request -> {
            Client client = clients.get(request.connection());
            if (client != null) {
                client.request = request;
                client.answered = false;
                client.waitingSince = System.nanoTime();
            }
            next.handle(request);
        };
    }

    private void sweep() {
        long now = System.nanoTime();
        long limit = bounds.timeout().toNanos();
        for (Map.Entry<HttpConnection, Client> e : Map.copyOf(clients).entrySet()) {
            Client c = e.getValue();
            HttpServerRequest r = c.request;
            if (r != null && r.isEnded() && !r.response().ended()) {
                continue; // being worked on: the client waits for us, not we for it
            }
            if (r != null && r.response().ended() && !c.answered) {
                c.answered = true; // kept alive: the next request's clock starts at this answer
                c.waitingSince = now;
            }
            if (now - c.waitingSince > limit) {
                close(
                        e.getKey(),
                        r == null
                                ? ConnectionClosures.Reason.HEADERS
                                : c.answered ? ConnectionClosures.Reason.IDLE : ConnectionClosures.Reason.BODY);
            }
        }
    }

    private void close(HttpConnection connection, ConnectionClosures.Reason reason) {
        Client c = clients.remove(connection);
        if (c != null) {
            bounds.closures().closed(reason);
        }
        connection.close();
    }
}
