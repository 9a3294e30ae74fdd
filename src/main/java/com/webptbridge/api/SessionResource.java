package com.webptbridge.api;

import io.vertx.core.http.HttpMethod;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's login ({@code /api/session}): log in with a name and password for a session cookie,
 * ask who is logged in, log out. Scripts and the CLI need none of it: they send Basic or a token.
 */
final class SessionResource {

    private static final ApiPath SESSION = ApiPath.of("api", "session");

    private final ConsoleSessions sessions;

    SessionResource(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    List<Endpoint> endpoints() {
        return List.of(
                // Open: it is the login. The guard's checks (Origin, JSON only) still apply before the body.
                Endpoint.change(HttpMethod.POST, SESSION, null, "log in: a session cookie (the console)", this::logIn)
                        .audited(Endpoint.Audit.NONE),
                Endpoint.get(SESSION, Role.VIEWER, "who is logged in", this::who),
                Endpoint.change(HttpMethod.DELETE, SESSION, Role.VIEWER, "log out: ends the session", this::logOut));
    }

    private ApiResponse logIn(Call call) throws SQLException {
        Body body = call.body();
        String user = body.text("user");
        String password = body.text("password");
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            return ApiResponse.error(400, "Send {\"user\": \"NAME\", \"password\": \"PASSWORD\"} to log in.");
        }
        Object who = sessions.logIn(
                user.trim(), password, String.valueOf(call.request().remoteAddress()));
        if (who instanceof ConsoleSessions.Opened opened) {
            call.answerHeader("Set-Cookie", sessions.cookie(opened.token()));
            return ApiResponse.ok(account(opened.principal()));
        }
        Authenticator.Refusal refusal = (Authenticator.Refusal) who;
        call.delayAnswer(refusal.delayMs());
        return ApiResponse.error(401, refusal.reason());
    }

    private ApiResponse who(Call call) {
        return ApiResponse.ok(account(call.principal()));
    }

    private ApiResponse logOut(Call call) throws SQLException {
        boolean had = sessions.logOut(call.request());
        call.answerHeader("Set-Cookie", sessions.forget());
        return ApiResponse.ok(Map.of("loggedOut", had));
    }

    /** The account as the console shows it; the idle time its message names. */
    private Map<String, Object> account(Authenticator.Principal p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", p.name());
        out.put("role", p.role().code());
        out.put("interfaces", p.interfaces());
        out.put("idleSeconds", sessions.idle().toSeconds());
        return out;
    }
}
