package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.security.AccessLog;
import io.vertx.ext.web.RoutingContext;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Who may call the endpoint the router matched, and what the access log keeps of it: the least
 * role (more with {@code ?raw=true} where the endpoint says so), the engine-wide flag, the
 * interfaces an account is limited to, and the query parameters a GET takes. The interface a
 * request is about is the {@code :interface} of its path or, on a short path, the only one running.
 */
final class AccessCheck {

    private final InterfaceRegistry interfaces;
    private final InterfacesResource running;
    private final AccessLog accessLog;
    private final ObjectMapper json;

    AccessCheck(InterfaceRegistry interfaces, AccessLog accessLog, ObjectMapper json) {
        this.interfaces = interfaces;
        this.running = new InterfacesResource(interfaces);
        this.accessLog = accessLog;
        this.json = json;
    }

    /** Answers a logged-in caller's request to {@code endpoint}, matched at {@code route}. */
    ApiResponse serve(
            RoutingContext ctx,
            Endpoint endpoint,
            ApiPath route,
            Authenticator.Principal principal,
            Map<String, String> query)
            throws Exception {
        boolean raw = endpoint.raw() != null && "true".equalsIgnoreCase(query.getOrDefault("raw", ""));
        Endpoint.Access access = raw ? endpoint.raw() : new Endpoint.Access(endpoint.role(), endpoint.audit());
        String method = ctx.request().method().name();
        Map<String, String> params = route.values(ctx.request().path());
        if (!principal.role().allows(access.role())) {
            return refused(
                    ctx,
                    principal,
                    access.audit(),
                    route,
                    params,
                    ApiResponse.error(
                            403,
                            "Account " + principal.name() + " ("
                                    + principal.role().code() + ") may not do this: " + method
                                    + " " + endpoint.path().template() + " needs the "
                                    + access.role().code() + " role."));
        }
        if (principal.interfaces() != null && endpoint.engineWide()) {
            return refused(
                    ctx,
                    principal,
                    access.audit(),
                    route,
                    params,
                    ApiResponse.error(
                            403,
                            "Account " + principal.name() + " is limited to interfaces " + principal.interfaces()
                                    + ": engine-wide resources need an account that is not."));
        }
        boolean scoped = route.parameters().contains(ApiPath.INTERFACE);
        List<RunningInterface> all = interfaces.running();
        String interfaceId = endpoint.engineWide()
                ? null
                : scoped
                        ? params.get(ApiPath.INTERFACE)
                        : endpoint.perInterface() && all.size() == 1
                                ? all.get(0).id()
                                : null;
        if (!principal.mayUse(interfaceId)) {
            ApiResponse refusal = ApiResponse.error(
                    403,
                    "Account " + principal.name() + " may use interfaces " + principal.interfaces() + " only, not "
                            + interfaceId + ".");
            record(ctx, principal, access.audit(), route, params, interfaceId, refusal.status());
            return refusal;
        }
        RunningInterface practice = null;
        ApiResponse response;
        if (endpoint.perInterface() && scoped) {
            practice = running.running(interfaceId);
        } else if (endpoint.perInterface() && all.size() != 1) {
            response = InterfacesResource.several(
                    all, route.ofInterface().filled(p -> p.equals(ApiPath.INTERFACE) ? "{id}" : params.get(p)));
            record(ctx, principal, access.audit(), route, params, interfaceId, response.status());
            return response;
        } else if (endpoint.perInterface()) {
            practice = all.get(0);
        }
        if (method.equals("GET")) {
            allow(query, endpoint);
        }
        response = endpoint.handler().handle(new Call(ctx, params, query, principal, practice, () -> principal, json));
        record(ctx, principal, access.audit(), route, params, interfaceId, response.status());
        return response;
    }

    /** A refusal by role or scope, in the access log too when the endpoint is audited (tries count). */
    private ApiResponse refused(
            RoutingContext ctx,
            Authenticator.Principal principal,
            Endpoint.Audit audit,
            ApiPath route,
            Map<String, String> params,
            ApiResponse refusal)
            throws SQLException {
        record(ctx, principal, audit, route, params, null, refusal.status());
        return refusal;
    }

    /**
     * Refuses query parameters the endpoint does not take: a misspelt filter that were ignored would
     * answer with everything, which looks like an answer to the question asked.
     */
    private static void allow(Map<String, String> query, Endpoint endpoint) {
        List<String> known = endpoint.query();
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw new ApiException(
                        400,
                        "Unknown query parameter '" + name + "' on GET "
                                + endpoint.path().template() + ": "
                                + (known.isEmpty() ? "it takes none." : "it takes " + String.join(", ", known) + "."));
            }
        }
    }

    /**
     * The access log's row for a read of patient data or a raw message, or a change: the patient ID
     * and journal id from their path parameters (or the patient a handler said it read), and the
     * resource without the patient ID in it.
     */
    private void record(
            RoutingContext ctx,
            Authenticator.Principal principal,
            Endpoint.Audit audit,
            ApiPath route,
            Map<String, String> params,
            String interfaceId,
            int status)
            throws SQLException {
        if (audit == Endpoint.Audit.NONE) {
            return;
        }
        boolean patient =
                audit == Endpoint.Audit.READ_PATIENT && route.parameters().contains(PatientsResource.PATIENT_ID);
        String patientId = patient
                ? params.get(PatientsResource.PATIENT_ID)
                : audit == Endpoint.Audit.READ_PATIENT ? ctx.get(Call.PATIENT_READ) : null;
        Long journalId = null;
        if (params.containsKey(MessagesResource.JOURNAL_ID)) {
            try { // read as the handler reads it
                journalId = Params.number(params.get(MessagesResource.JOURNAL_ID), "message id");
            } catch (ApiException e) {
                journalId = null;
            }
        }
        String resource = patient
                ? route.filled(p -> p.equals(PatientsResource.PATIENT_ID) ? "{id}" : params.get(p))
                : ctx.request().path();
        accessLog.record(
                principal.name(),
                audit.name(),
                ctx.request().method().name(),
                resource,
                interfaceId,
                patientId,
                journalId,
                status);
    }
}
