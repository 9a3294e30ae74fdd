package com.webptbridge.api;

import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.lifecycle.InterfaceState;
import io.vertx.core.http.HttpMethod;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's interfaces, one per practice: {@code /api/interfaces} (list, add, reload, one,
 * disable). Everything of one interface is under {@code /api/interfaces/:interface/...}, declared by
 * its own resource ({@link Endpoint#perInterface()}).
 */
final class InterfacesResource {

    private static final ApiPath ALL = ApiPath.of("api", "interfaces");

    private final InterfaceRegistry interfaces;

    InterfacesResource(InterfaceRegistry interfaces) {
        this.interfaces = interfaces;
    }

    /** One interface as listed: its listener, what it matches on a shared port, its message count. */
    record InterfaceJson(
            String id,
            String name,
            String host,
            int port,
            InterfaceDefinition.Match match,
            boolean enabled,
            long messages,
            String state) {}

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get(ALL, Role.VIEWER, "the running interfaces", call -> ApiResponse.ok(list(call))),
                Endpoint.change(
                                HttpMethod.POST,
                                ALL,
                                Role.ADMIN,
                                "add an interface (201)",
                                call -> new ApiResponse(
                                        201, json(refusedAsConflict(() -> interfaces.add(definition(call.body()))))))
                        .engine(),
                Endpoint.change(
                                HttpMethod.POST,
                                ALL.then("reload"),
                                Role.ADMIN,
                                "read the interface folder again",
                                call -> ApiResponse.ok(Map.of("changes", refusedAsConflict(interfaces::reload))))
                        .engine(),
                Endpoint.get(
                        ALL.param(ApiPath.INTERFACE),
                        Role.VIEWER,
                        "one running interface",
                        call -> ApiResponse.ok(json(running(call.param(ApiPath.INTERFACE))))),
                Endpoint.change(
                                HttpMethod.POST,
                                ALL.param(ApiPath.INTERFACE).then("disable"),
                                Role.ADMIN,
                                "stop an interface's listener and set its lifecycle state to disabled; its data stays",
                                call -> {
                                    RunningInterface r = running(call.param(ApiPath.INTERFACE));
                                    // The lifecycle says so too: started again, it answers AR until an admin
                                    // takes it back into testing or live.
                                    r.goLive()
                                            .change(
                                                    InterfaceState.DISABLED,
                                                    call.operator(),
                                                    false,
                                                    "listener stopped");
                                    return ApiResponse.ok(Map.of("disabled", interfaces.disable(r.id())));
                                })
                        .engine());
    }

    /** A running interface by id; 404 naming the running ones. */
    RunningInterface running(String id) {
        return interfaces
                .find(id)
                .orElseThrow(() -> new ApiException(
                        404, "No interface " + id + " is running; the running ones are " + ids() + "."));
    }

    /**
     * The answer to a short path ({@code /api/patients/...}) while several interfaces run: 400 naming
     * the path that says which ({@code asked}: the same path under its interface, e.g.
     * {@code /api/interfaces/{id}/patients/P1}).
     */
    static ApiResponse several(List<RunningInterface> running, String asked) {
        return ApiResponse.error(
                400,
                "This engine runs " + running.size() + " interfaces (" + ids(running) + "): name one, as in " + asked
                        + ".");
    }

    /** A change the running interfaces do not allow (a clashing port, an id already running): 409 with why. */
    private static <T> T refusedAsConflict(Supplier<T> change) {
        try {
            return change.get();
        } catch (ApiException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ApiException(409, e.getMessage());
        }
    }

    /** The running interfaces the caller may use: an account of one practice sees not the others' names, ports or counts. */
    private List<InterfaceJson> list(Call call) throws SQLException {
        List<InterfaceJson> out = new ArrayList<>();
        for (RunningInterface i : interfaces.running()) {
            if (call.mayUse(i.id())) {
                out.add(json(i));
            }
        }
        return out;
    }

    private static InterfaceJson json(RunningInterface i) throws SQLException {
        InterfaceDefinition d = i.definition();
        return new InterfaceJson(
                d.id(),
                d.name(),
                d.host(),
                d.port(),
                d.match(),
                true,
                i.journal().count(),
                i.goLive().state().word());
    }

    /**
     * An interface to add, from the request body: id, name, port, host, sendingFacility,
     * receivingFacility, profile, reference, ackMode. Texts as sent (not trimmed: the definition's own
     * checks say what is wrong with them).
     */
    private static InterfaceDefinition definition(Body body) {
        Long port = body.whole("port");
        if (port != null && (port < 1 || port > 65_535)) {
            throw new ApiException(400, "port must be between 1 and 65535, was " + port);
        }
        try {
            return new InterfaceDefinition(
                    body.asSent("id"),
                    body.asSent("name"),
                    new InterfaceDefinition.Listener(body.asSent("host"), port == null ? null : port.intValue()),
                    new InterfaceDefinition.Match(body.asSent("sendingFacility"), body.asSent("receivingFacility")),
                    body.asSent("profile"),
                    body.asSent("reference"),
                    body.asSent("ackMode"),
                    null);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private String ids() {
        return ids(interfaces.running());
    }

    private static String ids(List<RunningInterface> running) {
        return String.join(", ", running.stream().map(RunningInterface::id).toList());
    }
}
