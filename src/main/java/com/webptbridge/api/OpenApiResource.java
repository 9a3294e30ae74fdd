package com.webptbridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.webptbridge.build.BuildInfo;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/openapi.json}: the API described as an OpenAPI 3 document, written from the endpoint
 * table itself (each endpoint at each path it answers on, its role, query parameters and content
 * types), so the description cannot drift from what is served. Any logged-in account may read it.
 */
final class OpenApiResource {

    private final Supplier<List<Endpoint>> table;

    /** @param table the whole table, read when the document is asked for (this endpoint is in it too) */
    OpenApiResource(Supplier<List<Endpoint>> table) {
        this.table = table;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.get(
                ApiPath.of("api", "openapi.json"),
                Role.VIEWER,
                "this API as an OpenAPI 3 document",
                call -> ApiResponse.ok(document(table.get()))));
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Document(String openapi, Info info, Map<String, Map<String, Operation>> paths, Components components) {}

    record Info(String title, String version, String description) {}

    record Components(Map<String, Scheme> securitySchemes, Map<String, Object> schemas) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Scheme(String type, String scheme, String description, String in, String name) {

        Scheme(String type, String scheme, String description) {
            this(type, scheme, description, null, null);
        }
    }

    /** {@code x-role}: the least role, absent for an open endpoint. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Operation(
            String operationId,
            String summary,
            List<Parameter> parameters,
            Body requestBody,
            Map<String, Response> responses,
            List<Map<String, List<String>>> security,
            @JsonProperty("x-role") String role) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameter(String name, String in, Boolean required, String description, Map<String, String> schema) {}

    record Body(boolean required, Map<String, Map<String, Object>> content) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Response(String description, Map<String, Map<String, Object>> content) {}

    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";
    private static final String SESSION = "session";
    private static final Map<String, Object> ERROR = Map.of("$ref", "#/components/schemas/Error");

    static Document document(List<Endpoint> endpoints) {
        Map<String, Map<String, Operation>> paths = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            for (ApiPath route : e.routes()) {
                paths.computeIfAbsent(route.template(), p -> new LinkedHashMap<>())
                        .putIfAbsent(e.method().name().toLowerCase(Locale.ROOT), operation(e, route));
            }
        }
        Map<String, Object> error = Map.of(
                "type", "object",
                "required", List.of("error"),
                "properties", Map.of("error", Map.of("type", "string", "description", "what to fix")));
        return new Document(
                "3.0.3",
                new Info(
                        "WebPT Bridge admin API",
                        BuildInfo.current().version(),
                        "docs/api.md describes each endpoint; roles: viewer < analyst < admin (x-role is the least)."),
                paths,
                new Components(
                        Map.of(
                                BASIC, new Scheme("http", "basic", "an account's name and password"),
                                BEARER, new Scheme("http", "bearer", "an API token (POST /api/users/{name}/tokens)"),
                                SESSION,
                                        new Scheme(
                                                "apiKey",
                                                null,
                                                "the console's session (POST /api/session); a change also needs"
                                                        + " X-Bridge-Console: 1",
                                                "cookie",
                                                ConsoleSessions.COOKIE)),
                        Map.of("Error", error)));
    }

    private static Operation operation(Endpoint e, ApiPath route) {
        List<Parameter> parameters = new ArrayList<>();
        for (String name : route.parameters()) {
            parameters.add(new Parameter(name, "path", true, null, Map.of("type", "string")));
        }
        for (String name : e.query()) {
            if (e.raw() == null || !name.equals("raw")) {
                parameters.add(new Parameter(name, "query", null, null, Map.of("type", "string")));
            }
        }
        if (e.raw() != null) {
            parameters.add(new Parameter(
                    "raw",
                    "query",
                    null,
                    "the raw message; needs the " + e.raw().role().code() + " role",
                    Map.of("type", "boolean")));
        }
        Body body = null;
        if (e.method() != HttpMethod.GET) {
            Map<String, Map<String, Object>> content = new LinkedHashMap<>();
            e.consumes().forEach(type -> content.put(type, Map.of()));
            body = new Body(false, content);
        }
        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("200", new Response("done", null));
        if (!e.open()) {
            responses.put(
                    "401",
                    new Response("no login, or a wrong one", Map.of("application/json", Map.of("schema", ERROR))));
            responses.put(
                    "403",
                    new Response(
                            "the account's role or interfaces do not allow it",
                            Map.of("application/json", Map.of("schema", ERROR))));
        }
        responses.put(
                "default",
                new Response("an error, saying what to fix", Map.of("application/json", Map.of("schema", ERROR))));
        List<Map<String, List<String>>> security = e.open()
                ? List.of()
                : List.of(Map.of(BASIC, List.of()), Map.of(BEARER, List.of()), Map.of(SESSION, List.of()));
        return new Operation(
                operationId(e, route),
                e.summary(),
                parameters,
                body,
                responses,
                security,
                e.open() ? null : e.role().code());
    }

    /** Unique per method and path: {@code get_api_interfaces_interface_messages}. */
    private static String operationId(Endpoint e, ApiPath route) {
        return (e.method().name() + route.template())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("_$", "");
    }
}
