package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.webptbridge.store.Database;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the API reads a JSON body and writes its answers: JSON (or a raw body: /metrics, the console's
 * files), and an exception no endpoint expected as 503 (store down) or 500 (a bug, logged without
 * exception messages, which may carry patient data). Never a stack trace or SQL to the caller.
 */
final class Answers {

    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

    private final ObjectMapper json = json();
    private final int maxBodyBytes;

    Answers(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    ObjectMapper mapper() {
        return json;
    }

    /** How the API writes JSON; dates as yyyy-MM-dd and instants as ISO-8601 text, as an analyst reads them elsewhere too. */
    static ObjectMapper json() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(new SimpleModule()
                        .addSerializer(LocalDate.class, ToStringSerializer.instance)
                        .addSerializer(Instant.class, ToStringSerializer.instance));
        // A body read into a type (an interface to import) takes text only as text and true/false only
        // as a JSON boolean, as the fields read one by one do (Body): no guessing from the other type.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** What the router itself refused (a body over the limit) or failed on, as JSON without details. */
    void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == 413) {
            write(ctx, ApiResponse.error(413, "The request body is larger than " + maxBodyBytes + " bytes."));
        } else if (status >= 400 && status < 500) {
            write(ctx, ApiResponse.error(status, "The request was refused (HTTP " + status + ")."));
        } else {
            // The route's template only: a path such as /api/patients/P1 carries a patient identifier.
            String route = ctx.currentRoute() == null || ctx.currentRoute().getPath() == null
                    ? "(no route)"
                    : ctx.currentRoute().getPath();
            write(
                    ctx,
                    failure(
                            ctx.request().method().name(),
                            route,
                            ctx.failure() instanceof Exception e ? e : new RuntimeException("request failed")));
        }
    }

    void write(RoutingContext ctx, ApiResponse response) {
        HttpServerResponse out = ctx.response();
        if (out.ended() || out.closed()) {
            return;
        }
        if (response.body() instanceof AdminApi.Raw raw) {
            raw.headers().forEach(out::putHeader); // e.g. a page's own Content-Security-Policy
            out.setStatusCode(response.status())
                    .putHeader("Content-Type", raw.contentType())
                    .end(Buffer.buffer(raw.bytes()));
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(response.body());
        } catch (Exception e) {
            body = "{\"error\": \"Internal error in the interface; it has been logged.\"}".getBytes();
            LOG.error("Cannot write an API answer: {}", e.getClass().getSimpleName());
        }
        out.setStatusCode(response.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(body));
    }

    /**
     * The answer to an exception no route expected, logged. A store failure (an SQLException anywhere
     * in the cause chain) is 503: the caller may try again. Anything else is a bug in the interface:
     * 500, logged with the exception classes and stack frames but no messages, which may carry patient
     * data (a name in a parse error, an identifier in a constraint violation).
     */
    static ApiResponse failure(String method, String resource, Exception e) {
        if (Database.isStoreFailure(e)) {
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

    /** A request body as a JSON object; empty when there is none, 400 (never anything else) when it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonObject(byte[] bytes, ObjectMapper json) {
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
        } catch (java.io.IOException e) {
            throw new ApiException(400, "The request body could not be read as JSON text.");
        }
        throw new ApiException(400, "The request body must be a JSON object.");
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
}
