package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.AccessLog;
import com.webptbridge.store.Accounts;
import com.webptbridge.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The admin HTTP server (Vert.x Web): {@code /health}, the interfaces ({@code /api/interfaces}), and
 * each interface's patients, journal, worklist, reprocessing and reference maintenance under
 * {@code /api/interfaces/{id}/...} (docs/api.md), accounts, the access log and pruning. Every
 * {@code /api/*} request is authenticated (HTTP Basic or a bearer token) and authorised by the one
 * table in {@link Access}; reads of patient data and raw messages, and every change, go to the
 * access log. Browsers cannot be turned against it: the Host header must be one of this engine's
 * names, a foreign Origin is refused, and a change must be sent as JSON (which a page on another
 * site cannot make a browser send without asking). Errors are JSON {@code {"error": "..."}} with a
 * status that says whose fault it is (400 bad request, 401 log in, 403 not allowed, 404 unknown,
 * 405 method, 409 conflict, 413 too large, 415 not JSON, 500 a bug in the interface, 503 store down);
 * never a stack trace or SQL. Database work runs on worker threads, never on the event loop.
 */
public final class AdminApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final String REALM = "Basic realm=\"WebPT Bridge\", charset=\"UTF-8\"";

    /** How the server listens: address, TLS (a PKCS12 keystore, or null for plain HTTP), host names, body limit, slow clients. */
    public record Options(
            String host,
            int port,
            Path keystore,
            String keystorePassword,
            Set<String> allowedHosts,
            int maxBodyBytes,
            SlowClients.Bounds slowClients) {

        public Options(
                String host, int port, Path keystore, String password, Set<String> allowedHosts, int maxBodyBytes) {
            this(host, port, keystore, password, allowedHosts, maxBodyBytes, SlowClients.Bounds.DEFAULT);
        }
    }

    /** Prunes raw message text per the retention settings (POST /api/prune); what it removed. */
    @FunctionalInterface
    public interface Pruning {
        Object prune(boolean dryRun) throws SQLException;
    }

    /** The engine's meters in Prometheus text format (GET /metrics). */
    @FunctionalInterface
    public interface MetricsText {
        String scrape();
    }

    /** A body written as it is rather than as JSON: /metrics text, the console's files. */
    record Raw(String contentType, byte[] bytes) {}

    private static final java.util.Set<String> DRY_RUN_TYPES =
            Set.of("application/json", "x-application/hl7-v2+er7", "text/plain");

    /**
     * What {@code /health/ready} checks, each part by name (e.g. mllp, database, migrations,
     * shutdown) as up or not, in the order they are reported.
     */
    @FunctionalInterface
    public interface Readiness {
        Map<String, Boolean> parts();
    }

    private final Vertx vertx;
    private final HttpServer server;

    private AdminApi(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static AdminApi start(Options options, Database db, InterfaceRegistry interfaces, Pruning pruning)
            throws Exception {
        return start(options, db, interfaces, pruning, () -> "", () -> Map.of("database", db.healthy()));
    }

    public static AdminApi start(
            Options options,
            Database db,
            InterfaceRegistry interfaces,
            Pruning pruning,
            MetricsText metrics,
            Readiness readiness)
            throws Exception {
        System.setProperty("vertx.disableFileCPResolving", "true");
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(8)
                .setMaxWorkerExecuteTime(10)
                .setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES)
                .setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        try {
            Accounts accounts = new Accounts(db);
            Handler handler = new Handler(
                    vertx,
                    options,
                    db,
                    interfaces,
                    new InterfaceRoutes(db, interfaces),
                    new SecurityRoutes(accounts, new AccessLog(db), pruning),
                    new Authenticator(accounts),
                    new AccessLog(db),
                    metrics);
            handler.readiness = readiness;
            Router router = Router.router(vertx);
            router.route().handler(handler::guard);
            router.get("/").handler(ctx -> Console.serve(ctx, "index.html"));
            router.get("/console/:file").handler(ctx -> Console.serve(ctx, ctx.pathParam("file")));
            router.route().handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()));
            router.route().blockingHandler(handler::dispatch, false);
            router.route().failureHandler(handler::failed);
            HttpServerOptions http = new HttpServerOptions()
                    .setHost(options.host())
                    .setPort(options.port())
                    .setIdleTimeout(120)
                    .setHttp2ClearTextEnabled(false)
                    .setMaxHeaderSize(16 * 1024);
            if (options.keystore() != null) {
                http.setSsl(true)
                        .setKeyCertOptions(new PfxOptions()
                                .setPath(options.keystore().toString())
                                .setPassword(options.keystorePassword()))
                        .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
            }
            SlowClients slow = new SlowClients(vertx, options.slowClients());
            HttpServer server = vertx.createHttpServer(http)
                    .connectionHandler(slow::connected)
                    .requestHandler(slow.tracking(router))
                    .listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            handler.port = server.actualPort();
            return new AdminApi(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
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
        return server.actualPort();
    }

    /** The guard, the dispatcher and the writer of answers. */
    private static final class Handler {
        private final Vertx vertx;
        private final Options options;
        private final Database db;
        private final InterfaceRegistry interfaces;
        private final InterfaceRoutes routes;
        private final SecurityRoutes security;
        private final Authenticator authenticator;
        private final AccessLog accessLog;
        private final MetricsText metrics;
        private final ObjectMapper json = json();

        Handler(
                Vertx vertx,
                Options options,
                Database db,
                InterfaceRegistry interfaces,
                InterfaceRoutes routes,
                SecurityRoutes security,
                Authenticator authenticator,
                AccessLog accessLog,
                MetricsText metrics) {
            this.metrics = metrics;
            this.vertx = vertx;
            this.options = options;
            this.db = db;
            this.interfaces = interfaces;
            this.routes = routes;
            this.security = security;
            this.authenticator = authenticator;
            this.accessLog = accessLog;
        }

        /**
         * Security headers on every answer, then what a browser could be made to send: a Host that is
         * not one of this engine's names (DNS rebinding), an Origin of another site, a change not sent
         * as JSON (a cross-site form or text/plain POST). All refused before the body is read.
         */
        void guard(RoutingContext ctx) {
            HttpServerRequest request = ctx.request();
            HttpServerResponse response = ctx.response();
            response.putHeader("Cache-Control", "no-store")
                    .putHeader("Pragma", "no-cache")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader(
                            "Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                    + " connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
                                    + " base-uri 'none'; form-action 'self'");
            if (options.keystore() != null) {
                response.putHeader("Strict-Transport-Security", "max-age=31536000");
            }
            // HTTP/1.1's Host header, or HTTP/2's :authority
            String authority = request.authority() == null
                    ? request.getHeader("Host")
                    : request.authority().host()
                            + (request.authority().port() < 0
                                    ? ""
                                    : ":" + request.authority().port());
            String host = hostName(authority);
            if (host == null || !options.allowedHosts().contains(host)) {
                write(
                        ctx,
                        ApiResponse.error(
                                403,
                                "Host '" + authority + "' is not one of this engine's names; "
                                        + "add it to bridge.http.allowed-hosts to reach the API by that name."));
                return;
            }
            String origin = request.getHeader("Origin");
            if (origin != null && !sameOrigin(origin)) {
                write(ctx, ApiResponse.error(403, "Requests from another site (Origin " + origin + ") are refused."));
                return;
            }
            if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
                write(ctx, ApiResponse.error(403, "Cross-site requests are refused."));
                return;
            }
            HttpMethod method = request.method();
            if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
                String type = request.getHeader("Content-Type");
                String mime = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
                // Try a message takes the message itself (it changes nothing); every change is JSON.
                boolean dryRun = request.path().replaceAll("/+$", "").endsWith("/dry-run")
                        && method.equals(HttpMethod.POST)
                        && DRY_RUN_TYPES.contains(mime);
                if (!mime.equals("application/json") && !dryRun) {
                    write(
                            ctx,
                            ApiResponse.error(
                                    415,
                                    "Send changes as JSON with Content-Type: application/json (was '" + type + "')."));
                    return;
                }
            }
            ctx.next();
        }

        /** An Origin is this engine's own when its host is an allowed name and its port ours. */
        private boolean sameOrigin(String origin) {
            try {
                URI uri = URI.create(origin);
                String scheme = options.keystore() != null ? "https" : "http";
                int port = uri.getPort() < 0 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
                return scheme.equalsIgnoreCase(uri.getScheme())
                        && uri.getHost() != null
                        && options.allowedHosts().contains(hostName(uri.getHost()))
                        && port == this.port;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /** The port the server listens on (known once it does). */
        volatile int port;

        Readiness readiness;

        /** The host of a Host header, lower case, without port or IPv6 brackets. */
        static String hostName(String header) {
            if (header == null || header.isBlank()) {
                return null;
            }
            String h = header.trim().toLowerCase(Locale.ROOT);
            if (h.startsWith("[")) {
                int end = h.indexOf(']');
                return end < 0 ? null : h.substring(1, end);
            }
            int colon = h.indexOf(':');
            return colon < 0 ? h : h.substring(0, colon);
        }

        /**
         * The load balancer's and orchestrator's probes, open without a login (Access.OPEN): UP or
         * DOWN and the names of the parts, nothing more. Live is DOWN only when the process must be
         * restarted (its database pool is closed); ready is DOWN while any part is (a listener not
         * started, the database not answering, the engine draining for a stop).
         */
        ApiResponse probe(String clean) {
            if (clean.equals("/health/live")) {
                boolean up = db.open();
                return new ApiResponse(up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
            }
            if (clean.equals("/health/ready")) {
                Map<String, String> parts = new LinkedHashMap<>();
                boolean up = true;
                for (Map.Entry<String, Boolean> part : readiness.parts().entrySet()) {
                    parts.put(part.getKey(), part.getValue() ? "UP" : "DOWN");
                    up &= part.getValue();
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", up ? "UP" : "DOWN");
                body.put("checks", parts);
                return new ApiResponse(up ? 200 : 503, body);
            }
            return null;
        }

        /** On a worker thread: authenticate, authorise by the table, answer, record. */
        void dispatch(RoutingContext ctx) {
            HttpServerRequest request = ctx.request();
            String method = request.method().name();
            String path = "/";
            long delay = 0;
            ApiResponse response;
            try {
                URI uri = URI.create(request.uri());
                path = uri.getPath() == null ? "/" : uri.getPath();
                Map<String, String> query = new LinkedHashMap<>();
                ctx.queryParams().forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
                ApiResponse probe = probe(path.replaceAll("/+$", ""));
                if (probe != null) {
                    write(ctx, probe);
                    return;
                }
                Object who = authenticator.authenticate(
                        request.getHeader("Authorization"), String.valueOf(request.remoteAddress()));
                String clean = path.replaceAll("/+$", "");
                if (clean.equals("/health")) {
                    boolean up = db.healthy();
                    Object body = who instanceof Authenticator.Principal
                            ? new HealthJson(up ? "UP" : "DOWN", up ? "UP" : "DOWN")
                            : Map.of("status", up ? "UP" : "DOWN");
                    write(ctx, new ApiResponse(up ? 200 : 503, body));
                    return;
                }
                if (List.of(path.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
                    write(ctx, ApiResponse.error(400, "Paths with . or .. segments are refused."));
                    return;
                }
                // The console logs in with its own form: no browser login prompt for its requests.
                boolean console = "1".equals(request.getHeader("X-Bridge-Console"));
                if (who instanceof Authenticator.Refusal refusal) {
                    delay = refusal.delayMs();
                    if (!console) {
                        ctx.response().putHeader("WWW-Authenticate", REALM);
                    }
                    response = ApiResponse.error(401, refusal.reason());
                } else if (!(who instanceof Authenticator.Principal principal)) {
                    if (!console) {
                        ctx.response().putHeader("WWW-Authenticate", REALM);
                    }
                    response = ApiResponse.error(
                            401,
                            "Log in: HTTP Basic with an account's name and password, or Authorization: Bearer"
                                    + " <token> (bridge user token NAME makes one).");
                } else {
                    response = authorised(ctx, principal, method, path, query);
                }
            } catch (ApiException e) {
                response = ApiResponse.error(e.status(), e.getMessage());
            } catch (IllegalArgumentException e) {
                response = ApiResponse.error(400, "The request's path or query is not valid.");
            } catch (Exception e) {
                // The resource only: a path such as /api/patients/{id} carries a patient identifier.
                response = failure(method, resource(path), e);
            }
            ApiResponse answer = response;
            if (delay > 0) {
                vertx.setTimer(delay, t -> write(ctx, answer));
            } else {
                write(ctx, answer);
            }
        }

        private ApiResponse authorised(
                RoutingContext ctx,
                Authenticator.Principal principal,
                String method,
                String path,
                Map<String, String> query)
                throws Exception {
            List<RunningInterface> running = interfaces.running();
            Access.Decision decision = Access.decide(
                    method, path, query, running.size() == 1 ? running.get(0).id() : null);
            Access.Rule rule = decision.rule();
            if (!principal.role().allows(rule.role())) {
                return ApiResponse.error(
                        403,
                        "Account " + principal.name() + " (" + principal.role().code() + ") may not do this: "
                                + method + " " + rule.template() + " needs the "
                                + rule.role().code()
                                + " role.");
            }
            if (principal.interfaces() != null && rule.engineWide()) {
                return ApiResponse.error(
                        403,
                        "Account " + principal.name() + " is limited to interfaces " + principal.interfaces()
                                + ": engine-wide resources need an account that is not.");
            }
            if (!principal.mayUse(decision.interfaceId())) {
                return ApiResponse.error(
                        403,
                        "Account " + principal.name() + " may use interfaces " + principal.interfaces() + " only, not "
                                + decision.interfaceId() + ".");
            }
            String operator = ctx.request().getHeader("X-Operator");
            if (rule.template().equals("/metrics")) {
                return ApiResponse.ok(new Raw(
                        "text/plain; version=0.0.4; charset=utf-8",
                        metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            if (rule.template().equals("/api/dry-run")) {
                ApiResponse answer = DryRunRoute.handle(ctx, interfaces, decision.interfaceId(), json);
                record(principal, method, path, decision, answer.status());
                return answer;
            }
            Map<String, Object> body = body(ctx);
            ApiResponse response = SecurityRoutes.owns(path)
                    ? security.handle(method, path, query, body)
                    : routes.handle(
                            method,
                            path,
                            query,
                            body,
                            operator == null || operator.isBlank() ? principal.name() : operator);
            record(principal, method, path, decision, response.status());
            return response;
        }

        /** The access log's row for a read of patient data or a raw message, or a change. */
        private void record(
                Authenticator.Principal principal, String method, String path, Access.Decision d, int status)
                throws SQLException {
            Access.Audit audit = d.rule().audit();
            if (audit == Access.Audit.NONE) {
                return;
            }
            String patientId = audit == Access.Audit.READ_PATIENT ? d.subject() : null;
            Long journalId = null;
            if (d.rule().template().startsWith("/api/messages/{id}")) {
                try {
                    journalId = Long.valueOf(d.subject());
                } catch (NumberFormatException e) {
                    journalId = null;
                }
            }
            String resource =
                    audit == Access.Audit.READ_PATIENT && d.subject() != null ? resource(path) + "/{id}" : path;
            accessLog.record(
                    principal.name(), audit.name(), method, resource, d.interfaceId(), patientId, journalId, status);
        }

        /** The request's JSON object body; empty when there is none. */
        private Map<String, Object> body(RoutingContext ctx) {
            if (ctx.body() == null || ctx.body().length() <= 0) {
                return Map.of();
            }
            return jsonObject(ctx.body().buffer().getBytes(), json);
        }

        /** What the router itself refused (a body over the limit) or failed on, as JSON without details. */
        void failed(RoutingContext ctx) {
            int status = ctx.statusCode();
            if (status == 413) {
                write(
                        ctx,
                        ApiResponse.error(
                                413, "The request body is larger than " + options.maxBodyBytes() + " bytes."));
            } else if (status >= 400 && status < 500) {
                write(ctx, ApiResponse.error(status, "The request was refused (HTTP " + status + ")."));
            } else {
                write(
                        ctx,
                        failure(
                                ctx.request().method().name(),
                                resource(ctx.request().path()),
                                ctx.failure() instanceof Exception e ? e : new RuntimeException("request failed")));
            }
        }

        private void write(RoutingContext ctx, ApiResponse response) {
            HttpServerResponse out = ctx.response();
            if (out.ended() || out.closed()) {
                return;
            }
            if (response.body() instanceof Raw raw) {
                out.setStatusCode(response.status())
                        .putHeader("Content-Type", raw.contentType())
                        .end(io.vertx.core.buffer.Buffer.buffer(raw.bytes()));
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
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        }
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

    /** The first two path segments, e.g. {@code /api/patients}. */
    static String resource(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? "/" + parts[1] + "/" + parts[2] : path;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("The HTTP server did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }
}
