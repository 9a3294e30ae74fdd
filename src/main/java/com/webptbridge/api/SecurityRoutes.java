package com.webptbridge.api;

import com.webptbridge.store.security.AccessLog;
import com.webptbridge.store.security.Accounts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The engine-wide security resources: accounts ({@code /api/users}), the PHI access log
 * ({@code /api/access-log}) and retention ({@code /api/prune}). Who may call them is decided in
 * {@link Access}; these only do the work.
 */
final class SecurityRoutes {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final Accounts accounts;
    private final AccessLog accessLog;
    private final AdminApi.Pruning pruning;

    SecurityRoutes(Accounts accounts, AccessLog accessLog, AdminApi.Pruning pruning) {
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.pruning = pruning;
    }

    static boolean owns(String path) {
        String clean = path.replaceAll("/+$", "");
        return clean.equals("/api/users")
                || clean.startsWith("/api/users/")
                || clean.equals("/api/access-log")
                || clean.equals("/api/prune");
    }

    ApiResponse handle(String method, String path, Map<String, String> query, Map<String, Object> body)
            throws SQLException {
        String clean = path.replaceAll("/+$", "");
        if (clean.equals("/api/access-log")) {
            return method.equals("GET") ? accessLog(query) : ApiResponse.error(405, "GET reads the access log");
        }
        if (clean.equals("/api/prune")) {
            return method.equals("POST")
                    ? ApiResponse.ok(pruning.prune(Boolean.parseBoolean(String.valueOf(body.get("dryRun")))))
                    : ApiResponse.error(405, "POST prunes (body {\"dryRun\": true} to only count)");
        }
        if (clean.equals("/api/users")) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(accounts.list());
                case "POST" -> add(body);
                default -> ApiResponse.error(405, method + " is not supported on /api/users");
            };
        }
        String[] parts = clean.substring("/api/users/".length()).split("/");
        String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        if (accounts.find(name).isEmpty()) {
            return ApiResponse.error(404, "No account is named " + name + "; bridge user list shows them.");
        }
        String tail = parts.length > 1 ? parts[1] : "";
        if (parts.length > 2) {
            return ApiResponse.error(404, "No such resource: " + path);
        }
        switch (tail + " " + method) {
            case " DELETE":
                if (accounts.find(name).orElseThrow().role().equals(Role.ADMIN.code()) && accounts.admins() <= 1) {
                    return ApiResponse.error(409, "Account " + name + " is the last admin; add another admin first.");
                }
                accounts.remove(name);
                return ApiResponse.ok(Map.of("removed", name));
            case "password POST":
                String password = text(body, "password");
                if (password == null) {
                    password = Authenticator.newPassword();
                } else if (password.length() < 12) {
                    return ApiResponse.error(400, "A password needs at least 12 characters.");
                }
                accounts.setPassword(name, Authenticator.hash(password));
                return ApiResponse.ok(Map.of("name", name, "password", password));
            case "tokens POST":
                String token = Authenticator.newToken();
                accounts.addToken(name, Authenticator.sha256(token));
                return new ApiResponse(201, Map.of("name", name, "token", token));
            case "tokens DELETE":
                return ApiResponse.ok(Map.of("name", name, "revoked", accounts.removeTokens(name)));
            default:
                return ApiResponse.error(405, method + " is not supported on " + clean);
        }
    }

    private ApiResponse add(Map<String, Object> body) throws SQLException {
        String name = text(body, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            return ApiResponse.error(
                    400, "name is required: 1 to 100 letters, digits, '.', '_', '@' or '-', was '" + name + "'");
        }
        Role role;
        try {
            role = Role.parse(text(body, "role"));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        }
        Object given = body.get("interfaces");
        java.util.Set<String> limited = Authenticator.interfaces(
                given instanceof java.util.List<?> list
                        ? String.join(",", list.stream().map(String::valueOf).toList())
                        : text(body, "interfaces"));
        String password = text(body, "password");
        if (password == null) {
            password = Authenticator.newPassword();
        } else if (password.length() < 12) {
            return ApiResponse.error(400, "A password needs at least 12 characters.");
        }
        if (!accounts.add(
                name,
                role.code(),
                limited == null ? null : String.join(",", new java.util.TreeSet<>(limited)),
                Authenticator.hash(password))) {
            return ApiResponse.error(
                    409, "An account named " + name + " exists; remove it first or pick another name.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("role", role.code());
        out.put("interfaces", limited);
        out.put("password", password);
        return new ApiResponse(201, out);
    }

    private ApiResponse accessLog(Map<String, String> query) throws SQLException {
        return ApiResponse.ok(accessLog.find(
                blank(query.get("user")),
                blank(query.get("patientId")),
                instant(query.get("from"), "from"),
                instant(query.get("to"), "to"),
                1000));
    }

    /** An ISO instant (2024-05-01T10:00:00Z) or a date (2024-05-01, start of that day here). */
    private static Instant instant(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.contains("T")
                    ? Instant.parse(text.trim())
                    : LocalDate.parse(text.trim())
                            .atStartOfDay(ZoneId.systemDefault())
                            .toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(400, what + " must be a date (yyyy-MM-dd) or an instant (2024-05-01T10:00:00Z)");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String text(Map<String, Object> body, String key) {
        Object v = body.get(key);
        return v == null || String.valueOf(v).isBlank()
                ? null
                : String.valueOf(v).trim();
    }
}
