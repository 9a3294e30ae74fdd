package com.webptbridge.api;

import com.webptbridge.store.security.Accounts;
import io.vertx.core.http.HttpMethod;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The engine's accounts ({@code /api/users}): list, add, remove (never the last admin), a new
 * generated password, API tokens. Admin only and engine-wide, as the table says.
 */
final class AccountsResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final ApiPath USERS = ApiPath.of("api", "users");
    private static final String USER = "name";

    private final Accounts accounts;

    AccountsResource(Accounts accounts) {
        this.accounts = accounts;
    }

    List<Endpoint> endpoints() {
        ApiPath one = USERS.param(USER);
        return List.of(
                Endpoint.get(USERS, Role.ADMIN, "the accounts", call -> ApiResponse.ok(accounts.list()))
                        .engine(),
                Endpoint.change(HttpMethod.POST, USERS, Role.ADMIN, "add an account (201, its password)", this::add)
                        .engine(),
                Endpoint.change(
                                HttpMethod.DELETE,
                                one,
                                Role.ADMIN,
                                "remove an account (not the last admin)",
                                this::remove)
                        .engine(),
                Endpoint.change(HttpMethod.POST, one.then("password"), Role.ADMIN, "a new password", this::password)
                        .engine(),
                Endpoint.change(HttpMethod.POST, one.then("tokens"), Role.ADMIN, "a new API token (201)", this::token)
                        .engine(),
                Endpoint.change(HttpMethod.DELETE, one.then("tokens"), Role.ADMIN, "revoke its tokens", this::revoke)
                        .engine());
    }

    /** The account the path names; 404 when there is none. */
    private Accounts.Account account(Call call) throws SQLException {
        String name = call.param(USER);
        return accounts.find(name)
                .orElseThrow(
                        () -> new ApiException(404, "No account is named " + name + "; bridge user list shows them."));
    }

    private ApiResponse remove(Call call) throws SQLException {
        Accounts.Account account = account(call);
        if (account.role().equals(Role.ADMIN.code()) && accounts.admins() <= 1) {
            return ApiResponse.error(409, "Account " + account.name() + " is the last admin; add another admin first.");
        }
        accounts.remove(account.name());
        return ApiResponse.ok(Map.of("removed", account.name()));
    }

    private ApiResponse password(Call call) throws SQLException {
        String name = account(call).name();
        String password = call.body().text("password");
        if (password == null) {
            password = Authenticator.newPassword();
        } else if (Authenticator.weakPassword(password) != null) {
            return ApiResponse.error(400, Authenticator.weakPassword(password));
        }
        accounts.setPassword(name, Authenticator.hash(password));
        return ApiResponse.ok(Map.of("name", name, "password", password));
    }

    private ApiResponse token(Call call) throws SQLException {
        String name = account(call).name();
        String token = Authenticator.newToken();
        accounts.addToken(name, Authenticator.sha256(token));
        return new ApiResponse(201, Map.of("name", name, "token", token));
    }

    private ApiResponse revoke(Call call) throws SQLException {
        String name = account(call).name();
        return ApiResponse.ok(Map.of("name", name, "revoked", accounts.removeTokens(name)));
    }

    private ApiResponse add(Call call) throws SQLException {
        Body body = call.body();
        String name = body.text("name");
        if (name == null || !NAME.matcher(name).matches()) {
            return ApiResponse.error(
                    400, "name is required: 1 to 100 letters, digits, '.', '_', '@' or '-', was '" + name + "'");
        }
        Role role;
        try {
            role = Role.parse(body.text("role"));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        }
        List<String> given = body.texts("interfaces");
        Set<String> limited = Authenticator.interfaces(given == null ? null : String.join(",", given));
        if (given != null && limited == null) {
            // An empty limit must not mean "no limit": that would fail open.
            return ApiResponse.error(
                    400,
                    "interfaces is empty: list the interface ids the account may use, or leave interfaces out"
                            + " for an account of every interface.");
        }
        String password = body.text("password");
        if (password == null) {
            password = Authenticator.newPassword();
        } else if (Authenticator.weakPassword(password) != null) {
            return ApiResponse.error(400, Authenticator.weakPassword(password));
        }
        if (!accounts.add(
                name,
                role.code(),
                limited == null ? null : String.join(",", new TreeSet<>(limited)),
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
}
