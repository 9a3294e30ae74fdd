package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin HTTP server: {@code /health}, the interfaces ({@code /api/interfaces}), and each
 * interface's patients, journal, worklist, reprocessing and reference maintenance under
 * {@code /api/interfaces/{id}/...} (docs/api.md). Errors are JSON
 * {@code {"error": "..."}} with a status that says whose fault it is (400 bad request, 404 unknown,
 * 405 method, 409 conflict, 500 a bug in the interface, 503 store down).
 */
public final class AdminApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private AdminApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static AdminApi start(String host, int port, Database db, InterfaceRegistry interfaces) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
        ObjectMapper json = json();
        InterfaceRoutes routes = new InterfaceRoutes(db, interfaces);
        server.createContext("/", exchange -> handle(exchange, routes, json));
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bridge-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new AdminApi(server, executor);
    }

    /** How the API writes JSON; dates as yyyy-MM-dd and instants as ISO-8601 text, as an analyst reads them elsewhere too. */
    static ObjectMapper json() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(new SimpleModule()
                        .addSerializer(LocalDate.class, ToStringSerializer.instance)
                        .addSerializer(Instant.class, ToStringSerializer.instance));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, InterfaceRoutes routes, ObjectMapper json) throws IOException {
        ApiResponse response;
        try {
            URI uri = exchange.getRequestURI();
            String operator = exchange.getRequestHeaders().getFirst("X-Operator");
            response = routes.handle(
                    exchange.getRequestMethod(),
                    uri.getPath(),
                    query(uri.getRawQuery()),
                    body(exchange, json),
                    operator == null || operator.isBlank() ? "api" : operator);
        } catch (ApiException e) {
            response = ApiResponse.error(e.status(), e.getMessage());
        } catch (Exception e) {
            // The resource only: a path such as /api/patients/{id} carries a patient identifier.
            response = failure(
                    exchange.getRequestMethod(),
                    resource(exchange.getRequestURI().getPath()),
                    e);
        }
        byte[] body = json.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The answer to an exception no route expected, logged. A store failure (an SQLException anywhere
     * in the cause chain) is 503: the caller may try again. Anything else is a bug in the interface:
     * 500, logged with the exception classes and stack frames but no messages, which may carry patient
     * data (a name in a parse error, an identifier in a constraint violation).
     */
    static ApiResponse failure(String method, String resource, Exception e) {
        if (storeFailure(e)) {
            LOG.error("HTTP {} {} failed: {}", method, resource, e.getClass().getSimpleName());
            return ApiResponse.error(503, "The billing store is not available; try again later.");
        }
        LOG.error(
                "HTTP {} {} failed with an internal error (exception messages left out): {}",
                method,
                resource,
                withoutMessages(e));
        return ApiResponse.error(500, "Internal error in the interface; it has been logged.");
    }

    static boolean storeFailure(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** A stack trace as Java prints it, cause by cause, but with only the class where each message was. */
    static String withoutMessages(Throwable e) {
        StringBuilder trace = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            trace.append(t == e ? "" : "\nCaused by: ").append(t.getClass().getName());
            for (StackTraceElement frame : t.getStackTrace()) {
                trace.append("\n\tat ").append(frame);
            }
        }
        return trace.toString();
    }

    /** The first two path segments, e.g. {@code /api/patients}. */
    static String resource(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? "/" + parts[1] + "/" + parts[2] : path;
    }

    /** The request's JSON object body; empty when there is none. */
    private static Map<String, Object> body(HttpExchange exchange, ObjectMapper json) throws IOException {
        return jsonObject(exchange.getRequestBody().readAllBytes(), json);
    }

    /** A request body as a JSON object; empty when there is none, 400 when it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonObject(byte[] bytes, ObjectMapper json) throws IOException {
        if (bytes.length == 0) {
            return Map.of();
        }
        try {
            Object parsed = json.readValue(bytes, Object.class);
            if (parsed instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        throw new ApiException(400, "The request body must be a JSON object.");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(key, value);
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
