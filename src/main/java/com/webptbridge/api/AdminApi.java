package com.webptbridge.api;

import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.store.Database;
import com.webptbridge.store.security.AccessLog;
import com.webptbridge.store.security.Accounts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The admin HTTP server (Vert.x Web) for the endpoints of the one table, {@link Endpoints}
 * (docs/api.md). Every request but the open ones (probes, console files, the console's login) is
 * authenticated (HTTP Basic, a bearer token, or the console's session cookie: {@link ConsoleSessions})
 * and authorised by the endpoint the router matched ({@link AccessCheck});
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
     * body limit, the slow-client bounds, and the console's session timeouts.
     */
    public record Options(
            String host,
            int port,
            Path keystore,
            String keystorePassword,
            Set<String> allowedHosts,
            int maxBodyBytes,
            long maxUploadBytes,
            SlowClients.Bounds slowClients,
            Sessions sessions) {}

    /** The console's sessions: how long one may be idle, and how long it may last at most. */
    public record Sessions(java.time.Duration idle, java.time.Duration maxAge) {}

    /** Prunes raw message text per the retention settings (POST /api/prune); what it removed. */
    @FunctionalInterface
    public interface Pruning {
        Object prune(boolean dryRun) throws SQLException;
    }

    /**
     * A backup of the embedded database now, into the backup folder, while traffic flows
     * (POST /api/backups); the file written, or empty when backups are off (PostgreSQL, or no folder).
     */
    @FunctionalInterface
    public interface Backups {
        java.util.Optional<java.nio.file.Path> backupNow() throws Exception;
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
     * shutdown) as up or not, in the order they are reported; and why a part is down, where a
     * part can say (the database: not writable since when, the failure's kind; never data).
     */
    @FunctionalInterface
    public interface Readiness {
        Map<String, Boolean> parts();

        default Map<String, String> reasons() {
            return Map.of();
        }
    }

    private final Vertx vertx;
    private final HttpServer server;

    private AdminApi(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static AdminApi start(Options options, Database db, InterfaceRegistry interfaces, Pruning pruning)
            throws Exception {
        return start(
                options,
                db,
                interfaces,
                pruning,
                java.util.Optional::empty,
                () -> "",
                () -> Map.of("database", db.healthy()));
    }

    public static AdminApi start(
            Options options,
            Database db,
            InterfaceRegistry interfaces,
            Pruning pruning,
            Backups backups,
            MetricsText metrics,
            Readiness readiness)
            throws Exception {
        Vertx vertx = ServerOptions.vertx();
        try {
            Accounts accounts = new Accounts(db);
            AccessLog accessLog = new AccessLog(db);
            ConsoleSessions sessions = new ConsoleSessions(
                    new Authenticator(accounts),
                    new com.webptbridge.store.security.Sessions(db),
                    options.sessions().idle(),
                    options.sessions().maxAge(),
                    options.keystore() != null);
            Handler handler = new Handler(vertx, options, interfaces, sessions, accessLog);
            Router router = Router.router(vertx);
            router.route().handler(handler.guard::check);
            Endpoints.register(
                    router,
                    Endpoints.table(
                            db, interfaces, accounts, accessLog, pruning, backups, metrics, readiness, sessions),
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
            handler.guard.port = server.actualPort();
            return new AdminApi(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** The authentication, the endpoint's answer and its writing, behind the {@link BrowserGuard}. */
    private static final class Handler implements Endpoints.Serving {
        private final Vertx vertx;
        private final ConsoleSessions sessions;
        private final AccessCheck access;
        private final Answers answers;
        private final BrowserGuard guard;

        Handler(
                Vertx vertx,
                Options options,
                InterfaceRegistry interfaces,
                ConsoleSessions sessions,
                AccessLog accessLog) {
            this.vertx = vertx;
            this.sessions = sessions;
            this.answers = new Answers(options.maxBodyBytes());
            this.access = new AccessCheck(interfaces, accessLog, answers.mapper());
            this.guard = new BrowserGuard(options, answers);
        }

        /** Delegated to the guard, which refuses what a browser could be made to send. */
        @Override
        public void refuseUnsafe(RoutingContext ctx, Endpoint endpoint) {
            guard.refuseUnsafe(ctx, endpoint);
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
                    long[] refusedDelay = {0}; // a login tried on an open endpoint waits as on /api (the throttle)
                    response = endpoint.handler()
                            .handle(new Call(
                                    ctx,
                                    route.values(request.path()),
                                    query,
                                    null,
                                    null,
                                    () -> principal(ctx, refusedDelay),
                                    answers.mapper()));
                    // a session login asks for its own delay; a login tried on /health waits as on /api
                    delay = Math.max(Call.delay(ctx), refusedDelay[0]);
                } else {
                    Object who = sessions.who(request);
                    if (who instanceof Authenticator.Principal principal) {
                        response = access.serve(ctx, endpoint, route, principal, query);
                    } else {
                        // The console logs in with its own form: no browser login prompt for its requests.
                        if (!"1".equals(request.getHeader("X-Bridge-Console"))) {
                            ctx.response().putHeader("WWW-Authenticate", REALM);
                        }
                        if (who instanceof Authenticator.Refusal refusal && refusal.sessionEnded()) {
                            // The console shows this on its login form; the browser forgets the dead cookie.
                            ctx.response().putHeader("Set-Cookie", sessions.forget());
                            response = new ApiResponse(401, Map.of("error", refusal.reason(), "session", "ended"));
                        } else if (who instanceof Authenticator.Refusal refusal) {
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

        /**
         * The logged-in account, or null (no login, or one refused: then {@code refusedDelay} holds
         * the throttle's wait, so guessing passwords at /health is no faster than at /api).
         */
        private Authenticator.Principal principal(RoutingContext ctx, long[] refusedDelay) throws SQLException {
            Object who = sessions.who(ctx.request());
            if (who instanceof Authenticator.Refusal refusal) {
                refusedDelay[0] = refusal.delayMs();
            }
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
