package com.webptbridge.api;

import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.store.Database;
import com.webptbridge.store.security.AccessLog;
import com.webptbridge.store.security.Accounts;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THE table of the API's endpoints, assembled from the resources, and how it is put on the Vert.x
 * router: each endpoint at each of its paths, then the answer to another method on a path (405),
 * and last the answer to a path no endpoint has (404). What the table
 * does not name needs {@code admin} and is recorded as a change, so a new route is never left open.
 * Where two endpoints of one method could match a path, the first declared wins: declare a literal
 * ({@code /api/interfaces/reload}) before a parameter that would match it.
 */
final class Endpoints {

    /** What the router calls for a matched endpoint. */
    interface Serving {
        /** On the event loop, before the body is read: refuses what a browser could be made to send. */
        void refuseUnsafe(RoutingContext ctx, Endpoint endpoint);

        /** On a worker thread: authenticate, authorise, answer, record. */
        void serve(RoutingContext ctx, Endpoint endpoint, ApiPath route);
    }

    /** A check Vert.x runs before reading the body (it allows only such handlers before a BodyHandler). */
    private record Policy(io.vertx.core.Handler<RoutingContext> check) implements SecurityPolicyHandler {
        @Override
        public void handle(RoutingContext ctx) {
            check.handle(ctx);
        }
    }

    private Endpoints() {}

    /** Every endpoint, in the order the router tries them. */
    static List<Endpoint> table(
            Database db,
            InterfaceRegistry interfaces,
            Accounts accounts,
            AccessLog accessLog,
            AdminApi.Pruning pruning,
            AdminApi.Backups backups,
            AdminApi.MetricsText metrics,
            AdminApi.Readiness readiness,
            ConsoleSessions sessions) {
        List<Endpoint> all = new ArrayList<>();
        all.addAll(new ConsoleResource().endpoints());
        all.addAll(new HealthResource(db, readiness).endpoints());
        all.addAll(new MetricsResource(metrics).endpoints());
        // Read when asked for, by then the whole table (this endpoint included).
        all.addAll(new OpenApiResource(() -> List.copyOf(all)).endpoints());
        all.addAll(new PromotionResource(interfaces).endpoints());
        all.addAll(new InterfacesResource(interfaces).endpoints());
        all.addAll(new PatientsResource().endpoints());
        all.addAll(new LifecycleResource().endpoints());
        all.addAll(new MessagesResource().endpoints());
        all.addAll(new ReprocessResource().endpoints());
        all.addAll(new FindingsResource(db).endpoints());
        all.addAll(new UnmatchedResource(db, interfaces).endpoints());
        all.addAll(new ViewsResource().endpoints());
        all.addAll(new DryRunResource().endpoints());
        all.addAll(new PatientLoadsResource().endpoints());
        all.addAll(new ReferenceResource().endpoints());
        all.addAll(new ImportResource().endpoints());
        all.addAll(new SheetResource().endpoints());
        all.addAll(new DailyReportsResource(db, interfaces).endpoints());
        all.addAll(new ReportsResource(db, interfaces, java.time.Clock.systemDefaultZone()).endpoints());
        all.addAll(new ReconcileResource(db).endpoints());
        all.addAll(new AccountsResource(accounts).endpoints());
        all.addAll(new AccessLogResource(accessLog).endpoints());
        all.addAll(new SessionResource(sessions).endpoints());
        all.addAll(new PruneResource(pruning).endpoints());
        all.addAll(new BackupResource(backups).endpoints());
        return List.copyOf(all);
    }

    /** The table as declared, for what reads it without serving it (the docs test, the security IT). */
    static List<Endpoint> declared() {
        return table(null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param upload the body handler of endpoints that take a whole file ({@link Endpoint#upload()})
     */
    static void register(Router router, List<Endpoint> table, BodyHandler body, BodyHandler upload, Serving serving) {
        Map<ApiPath, List<String>> methods = new LinkedHashMap<>();
        for (Endpoint e : table) {
            for (ApiPath route : e.routes()) {
                router.route(e.method(), route.vertx())
                        .handler(new Policy(ctx -> serving.refuseUnsafe(ctx, e)))
                        .handler(e.upload() ? upload : body)
                        .blockingHandler(ctx -> serving.serve(ctx, e, route), false);
                methods.computeIfAbsent(route, r -> new ArrayList<>())
                        .add(e.method().name());
            }
        }
        // After every endpoint, so that a path's 405 never hides another endpoint whose path it also matches.
        methods.forEach((route, allowed) -> unlisted(
                router.route(route.vertx()),
                route,
                body,
                serving,
                ctx -> ApiResponse.error(
                        405,
                        ctx.request().method().name() + " is not supported on " + route.template() + "; it takes "
                                + String.join(", ", allowed) + ".")));
        unlisted(
                router.route(),
                ApiPath.of("api", "**"),
                body,
                serving,
                ctx -> ApiResponse.error(
                        404, "No such resource: " + ctx.request().path()));
    }

    /** An answer to what the table does not name: for admin only, recorded as a change. */
    private static void unlisted(
            io.vertx.ext.web.Route route,
            ApiPath path,
            BodyHandler body,
            Serving serving,
            java.util.function.Function<RoutingContext, ApiResponse> answer) {
        route.handler(new Policy(ctx -> serving.refuseUnsafe(ctx, unlisted(ctx, path, answer))))
                .handler(body)
                .blockingHandler(ctx -> serving.serve(ctx, unlisted(ctx, path, answer), path), false);
    }

    private static Endpoint unlisted(
            RoutingContext ctx, ApiPath path, java.util.function.Function<RoutingContext, ApiResponse> answer) {
        return Endpoint.change(ctx.request().method(), path, Role.ADMIN, "not an endpoint", call -> answer.apply(ctx))
                .engine();
    }
}
