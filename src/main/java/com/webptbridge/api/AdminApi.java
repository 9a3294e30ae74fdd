package com.webptbridge.api;

import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.store.Database;
import com.webptbridge.store.security.AccessLog;
import com.webptbridge.store.security.Accounts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The admin HTTP server (Vert.x Web) for the endpoints of the one table, {@link Endpoints}
 * (docs/api.md). Every request but the open ones (probes, console files) is authenticated (HTTP
 * Basic or a bearer token) and authorised by the endpoint the router matched ({@link AccessCheck});
 * reads of patient data and raw messages, and every change, go to the access log. Browsers cannot be turned against it: the Host header must be one of this engine's
 * names, a foreign Origin is refused, and a change must be sent as JSON (which a page on another
 * site cannot make a browser send without asking). Errors are JSON {@code {"error": "..."}} with a
 * status that says whose fault it is (400 bad request, 401 log in, 403 not allowed, 404 unknown,
 * 405 method, 409 conflict, 413 too large, 415 not JSON, 500 a bug in the interface, 503 store down;
 * {@link Answers}). Never a stack trace or SQL. Database work runs on worker threads, never on the event loop.
 */
public final class AdminApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final String REALM = "Basic realm=\"WebPT Bridge\", charset=\"UTF-8\"";

    /**
     * How the server listens: address, TLS (a PKCS12 keystore, or null for plain HTTP), host names,
     * body limit, and the slow-client bounds.
     */
    public record Options(
            String host,
            int port,
            Path keystore,
            String keystorePassword,
            Set<String> allowedHosts,
            int maxBodyBytes,
            long maxUploadBytes,
            SlowClients.Bounds slowClients) {}

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
    record Raw(String contentType, byte[] bytes, Map<String, String> headers) {

        Raw(String contentType, byte[] bytes) {
            this(contentType, bytes, Map.of());
        }
    }

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
        Vertx vertx = ServerOptions.vertx();
        try {
            Accounts accounts = new Accounts(db);
            AccessLog accessLog = new AccessLog(db);
            Handler handler = new Handler(vertx, options, interfaces, new Authenticator(accounts), accessLog);
            Router router = Router.router(vertx);
            router.route().handler(handler::guard);
            Endpoints.register(
                    router,
                    Endpoints.table(db, interfaces, accounts, accessLog, pruning, metrics, readiness),
                    BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()),
                    BodyHandler.create(false).setBodyLimit(options.maxUploadBytes()),
                    handler);
            router.route().failureHandler(handler.answers::failed);
            SlowClients slow = new SlowClients(vertx, options.slowClients());
            HttpServer server = vertx.createHttpServer(ServerOptions.http(options))
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

    public int port() {
        return server.actualPort();
    }

    /** The guard, the authentication and the writer of answers. */
    private static final class Handler implements Endpoints.Serving {
        private final Vertx vertx;
        private final Options options;
        private final Authenticator authenticator;
        private final AccessCheck access;
        private final Answers answers;

        Handler(
                Vertx vertx,
                Options options,
                InterfaceRegistry interfaces,
                Authenticator authenticator,
                AccessLog accessLog) {
            this.vertx = vertx;
            this.options = options;
            this.authenticator = authenticator;
            this.answers = new Answers(options.maxBodyBytes());
            this.access = new AccessCheck(interfaces, accessLog, answers.mapper());
        }

        /**
         * Security headers on every answer, then what a browser could be made to send: a Host that is
         * not one of this engine's names (DNS rebinding), an Origin of another site, a path with dot
         * segments (routed as another). All refused before the body is read.
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
                answers.write(
                        ctx,
                        ApiResponse.error(
                                403,
                                "Host '" + authority + "' is not one of this engine's names; "
                                        + "add it to bridge.http.allowed-hosts to reach the API by that name."));
                return;
            }
            String origin = request.getHeader("Origin");
            if (origin != null && !sameOrigin(origin)) {
                answers.write(
                        ctx, ApiResponse.error(403, "Requests from another site (Origin " + origin + ") are refused."));
                return;
            }
            if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
                answers.write(ctx, ApiResponse.error(403, "Cross-site requests are refused."));
                return;
            }
            ApiResponse unreadable = unreadable(request);
            if (unreadable != null) {
                answers.write(ctx, unreadable);
                return;
            }
            ctx.next();
        }

        /** A request URI Java cannot read, or one with . or .. segments (which the router would resolve to another path). */
        private static ApiResponse unreadable(HttpServerRequest request) {
            try {
                URI uri = URI.create(request.uri());
                return uri.normalize().equals(uri)
                        ? null
                        : ApiResponse.error(400, "Paths with . or .. segments are refused.");
            } catch (IllegalArgumentException e) {
                return ApiResponse.error(400, "The request's path or query is not valid.");
            }
        }

        /**
         * A change not sent as one of the types its endpoint takes (JSON, which a cross-site form or
         * text/plain POST cannot be), refused before the body is read.
         */
        @Override
        public void refuseUnsafe(RoutingContext ctx, Endpoint endpoint) {
            HttpMethod method = ctx.request().method();
            if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
                String type = ctx.request().getHeader("Content-Type");
                String mime = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (!endpoint.consumes().contains(mime)) {
                    answers.write(
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

        /** On a worker thread: authenticate (unless the endpoint is open), authorise by the endpoint, answer. */
        @Override
        public void serve(RoutingContext ctx, Endpoint endpoint, ApiPath route) {
            HttpServerRequest request = ctx.request();
            long delay = 0;
            ApiResponse response;
            try {
                Map<String, String> query = new LinkedHashMap<>();
                ctx.queryParams().forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
                if (endpoint.open()) {
                    response = endpoint.handler()
                            .handle(new Call(
                                    ctx,
                                    route.values(request.path()),
                                    query,
                                    null,
                                    null,
                                    () -> principal(ctx),
                                    answers.mapper()));
                } else {
                    Object who = authenticator.authenticate(
                            request.getHeader("Authorization"), String.valueOf(request.remoteAddress()));
                    if (who instanceof Authenticator.Principal principal) {
                        response = access.serve(ctx, endpoint, route, principal, query);
                    } else {
                        // The console logs in with its own form: no browser login prompt for its requests.
                        if (!"1".equals(request.getHeader("X-Bridge-Console"))) {
                            ctx.response().putHeader("WWW-Authenticate", REALM);
                        }
                        if (who instanceof Authenticator.Refusal refusal) {
                            delay = refusal.delayMs();
                            response = ApiResponse.error(401, refusal.reason());
                        } else {
                            response = ApiResponse.error(
                                    401,
                                    "Log in: HTTP Basic with an account's name and password, or Authorization: Bearer"
                                            + " <token> (bridge user token NAME makes one).");
                        }
                    }
                }
            } catch (ApiException e) {
                response = ApiResponse.error(e.status(), e.getMessage());
            } catch (IllegalArgumentException e) {
                response = ApiResponse.error(400, "The request's path or query is not valid.");
            } catch (Exception e) {
                // The endpoint's template only: a path such as /api/patients/{patientId} carries a patient identifier.
                response = Answers.failure(request.method().name(), route.template(), e);
            }
            ApiResponse answer = response;
            if (delay > 0) {
                vertx.setTimer(delay, t -> answers.write(ctx, answer));
            } else {
                answers.write(ctx, answer);
            }
        }

        /** The logged-in account, or null (no login, or one refused). */
        private Authenticator.Principal principal(RoutingContext ctx) throws SQLException {
            Object who = authenticator.authenticate(
                    ctx.request().getHeader("Authorization"),
                    String.valueOf(ctx.request().remoteAddress()));
            return who instanceof Authenticator.Principal p ? p : null;
        }
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
