package com.webptbridge.api;

import com.webptbridge.interfaces.InterfaceDefinition;
import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.Database;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's resources and the way to each practice's: {@code /health}; {@code /api/interfaces}
 * (list, add, reload, one, disable); {@code /api/interfaces/{id}/...} for everything of one
 * interface. When exactly one interface runs, the short paths ({@code /api/patients/...}) are its own.
 */
final class InterfaceRoutes {

    private static final String PREFIX = "/api/interfaces";

    private final Database db;
    private final InterfaceRegistry interfaces;

    InterfaceRoutes(Database db, InterfaceRegistry interfaces) {
        this.db = db;
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
            long messages) {}

    ApiResponse handle(String method, String path, Map<String, String> query, Map<String, Object> body, String operator)
            throws SQLException {
        String clean = path.replaceAll("/+$", "");
        if (method.equals("GET") && !clean.startsWith("/api/") || method.equals("GET") && isInterfacePath(clean)) {
            Routes.allow(query, clean);
        }
        if (clean.equals("/health")) {
            boolean up = db.healthy();
            return new ApiResponse(up ? 200 : 503, new HealthJson(up ? "UP" : "DOWN", up ? "UP" : "DOWN"));
        }
        if (clean.equals(PREFIX)) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(list());
                case "POST" -> new ApiResponse(201, json(refusedAsConflict(() -> interfaces.add(definition(body)))));
                default -> ApiResponse.error(405, method + " is not supported on " + PREFIX);
            };
        }
        if (clean.equals(PREFIX + "/reload")) {
            return method.equals("POST")
                    ? ApiResponse.ok(Map.of("changes", refusedAsConflict(interfaces::reload)))
                    : ApiResponse.error(405, "POST reloads the interface folder");
        }
        if (clean.startsWith(PREFIX + "/")) {
            String rest = clean.substring(PREFIX.length() + 1);
            int slash = rest.indexOf('/');
            String id = slash < 0 ? rest : rest.substring(0, slash);
            String tail = slash < 0 ? "" : rest.substring(slash + 1);
            RunningInterface practice = interfaces
                    .find(id)
                    .orElseThrow(() -> new ApiException(
                            404, "No interface " + id + " is running; the running ones are " + ids() + "."));
            if (tail.equals("disable")) {
                return method.equals("POST")
                        ? ApiResponse.ok(Map.of("disabled", interfaces.disable(id)))
                        : ApiResponse.error(405, "POST disables the interface");
            }
            if (tail.isEmpty()) {
                return method.equals("GET")
                        ? ApiResponse.ok(json(practice))
                        : ApiResponse.error(405, method + " is not supported on " + clean);
            }
            return new Routes(practice).handle(method, "/api/" + tail, query, body, operator);
        }
        if (clean.startsWith("/api/")) {
            List<RunningInterface> running = interfaces.running();
            if (running.size() != 1) {
                return ApiResponse.error(
                        400,
                        "This engine runs " + running.size() + " interfaces (" + ids() + "): name one, as in " + PREFIX
                                + "/{id}" + clean.substring(4) + ".");
            }
            return new Routes(running.get(0)).handle(method, clean, query, body, operator);
        }
        return ApiResponse.error(404, "No such resource: " + path);
    }

    /** {@code /api/interfaces} or one interface itself (not its resources): these take no query parameters. */
    private static boolean isInterfacePath(String clean) {
        return clean.equals(PREFIX) || clean.startsWith(PREFIX + "/") && clean.indexOf('/', PREFIX.length() + 1) < 0;
    }

    /** A change the running interfaces do not allow (a clashing port, an id already running): 409 with why. */
    private static <T> T refusedAsConflict(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (ApiException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ApiException(409, e.getMessage());
        }
    }

    private List<InterfaceJson> list() throws SQLException {
        List<InterfaceJson> out = new ArrayList<>();
        for (RunningInterface i : interfaces.running()) {
            out.add(json(i));
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
                i.journal().count());
    }

    /** An interface to add, from the request body: id, name, port, host, sendingFacility, receivingFacility. */
    private static InterfaceDefinition definition(Map<String, Object> body) {
        try {
            Object port = body.get("port");
            return new InterfaceDefinition(
                    text(body, "id"),
                    text(body, "name"),
                    new InterfaceDefinition.Listener(
                            text(body, "host"), port == null ? null : Integer.valueOf(String.valueOf(port))),
                    new InterfaceDefinition.Match(text(body, "sendingFacility"), text(body, "receivingFacility")),
                    text(body, "profile"),
                    text(body, "reference"),
                    text(body, "ackMode"),
                    null);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "port must be a number, was '" + body.get("port") + "'");
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private static String text(Map<String, Object> body, String key) {
        Object v = body.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private String ids() {
        return String.join(
                ", ", interfaces.running().stream().map(RunningInterface::id).toList());
    }
}
