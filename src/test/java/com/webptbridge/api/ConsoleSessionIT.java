package com.webptbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security review, issue #22: the console kept its Basic credentials in the browser and never
 * logged out when idle, and a login survived its account's password reset. Now the console logs in
 * with POST /api/session for a session cookie (HttpOnly, SameSite=Strict) that ends when idle, at
 * logout and at a password reset, and that a page on another site cannot use. Over real HTTP.
 */
class ConsoleSessionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    /** Adds an account as admin; its password. */
    private static String add(TestEngine on, String name, String role) throws Exception {
        HttpResponse<String> r = on.send(
                "POST", "/api/users", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}", TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("password").asText();
    }

    private static HttpResponse<String> request(String url, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> logIn(String url, String user, String password) throws Exception {
        return request(
                url,
                "POST",
                "/api/session",
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}",
                "Content-Type",
                "application/json",
                "X-Bridge-Console",
                "1");
    }

    /** The Cookie header of a login's answer: {@code bridge_session=...}. */
    private static String cookie(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String set = login.headers().firstValue("Set-Cookie").orElseThrow();
        return set.split(";")[0];
    }

    private static HttpResponse<String> get(String url, String path, String cookie) throws Exception {
        return request(url, "GET", path, null, "Cookie", cookie, "X-Bridge-Console", "1");
    }

    @Test
    void aLoginSetsAnHttpOnlySameSiteStrictCookieThatAuthenticatesAsTheAccount() throws Exception {
        String password = add(engine.get(), "sol", "admin");
        HttpResponse<String> login = logIn(engine.url(), "sol", password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        List<String> set = login.headers().allValues("Set-Cookie");
        assertThat(set).hasSize(1);
        assertThat(set.get(0))
                .matches("bridge_session=wbs_[A-Za-z0-9_-]{43}; .*")
                .contains("; HttpOnly")
                .contains("; SameSite=Strict")
                .contains("; Path=/")
                .doesNotContain("Secure") // plain HTTP here: a Secure cookie would never be sent back
                .doesNotContain("Max-Age")
                .doesNotContain("Expires");
        String token = set.get(0).split(";")[0].substring("bridge_session=".length());
        assertThat(login.body()).doesNotContain(token).doesNotContain(password);
        assertThat(JSON.readTree(login.body()).get("user").asText()).isEqualTo("sol");

        String cookie = cookie(login);
        HttpResponse<String> who = get(engine.url(), "/api/session", cookie);
        assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(who.body());
        assertThat(me.get("user").asText()).isEqualTo("sol");
        assertThat(me.get("role").asText()).isEqualTo("admin");
        assertThat(me.get("idleSeconds").asLong()).isEqualTo(900);
        assertThat(get(engine.url(), "/api/users", cookie).statusCode()).isEqualTo(200);

        // A change with the cookie (from the console: its header) is the account's, in the access log too.
        HttpResponse<String> change = request(
                engine.url(),
                "POST",
                "/api/users",
                "{\"name\":\"sol-made\",\"role\":\"viewer\"}",
                "Cookie",
                cookie,
                "Content-Type",
                "application/json",
                "X-Bridge-Console",
                "1");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(201);
        JsonNode log = JSON.readTree(engine.get("/api/access-log?user=sol").body());
        assertThat(log).anySatisfy(e -> {
            assertThat(e.get("resource").asText()).isEqualTo("/api/users");
            assertThat(e.get("method").asText()).isEqualTo("POST");
            assertThat(e.get("status").asInt()).isEqualTo(201);
        });
    }

    @Test
    void theCookieCarriesTheAccountsRoleAndInterfaces() throws Exception {
        String password = add(engine.get(), "vera", "viewer");
        String cookie = cookie(logIn(engine.url(), "vera", password));
        HttpResponse<String> users = get(engine.url(), "/api/users", cookie);
        assertThat(users.statusCode()).isEqualTo(403);
        assertThat(users.body()).contains("Account vera (viewer) may not do this");
    }

    @Test
    void aWrongPasswordGets401AndNoCookie() throws Exception {
        add(engine.get(), "wes", "viewer");
        HttpResponse<String> r = logIn(engine.url(), "wes", "not-the-password");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(r.body()).contains("Wrong user name or password");
        HttpResponse<String> unknown = logIn(engine.url(), "nobody-here", "not-the-password");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(unknown.body()).isEqualTo(r.body());
        HttpResponse<String> empty =
                request(engine.url(), "POST", "/api/session", "{\"user\":\"wes\"}", "Content-Type", "application/json");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\\\"password\\\"");
        // Nor does a made-up cookie log in.
        HttpResponse<String> madeUp = get(engine.url(), "/api/session", "bridge_session=wbs_" + "A".repeat(43));
        assertThat(madeUp.statusCode()).isEqualTo(401);
        assertThat(madeUp.body()).contains("Your session has ended");
    }

    @Test
    void aPasswordResetRevokesTheAccountsApiTokensToo() throws Exception {
        add(engine.get(), "tobi", "analyst");
        HttpResponse<String> minted = engine.send("POST", "/api/users/tobi/tokens", "{}", TestEngine.ADMIN_AUTH);
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        String bearer = "Bearer " + JSON.readTree(minted.body()).get("token").asText();
        assertThat(engine.get().get("/api/messages", bearer).statusCode()).isEqualTo(200);
        HttpResponse<String> reset = engine.send("POST", "/api/users/tobi/password", "{}", TestEngine.ADMIN_AUTH);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(engine.get().get("/api/messages", bearer).statusCode())
                .as("a token minted with the old password")
                .isEqualTo(401);
    }

    @Test
    void theLoginIsThrottledAsBasicIs() throws Exception {
        add(engine.get(), "tara", "viewer");
        HttpResponse<String> last = null;
        for (int i = 0; i < LoginThrottle.FREE + 1; i++) {
            last = logIn(engine.url(), "tara", "wrong-" + i);
        }
        assertThat(last.statusCode()).isEqualTo(401);
        assertThat(last.body()).contains("Too many failed logins");
    }

    @Test
    void aPasswordResetByAnAdminEndsTheAccountsSessionsAtOnce() throws Exception {
        String password = add(engine.get(), "reese", "analyst");
        String cookie = cookie(logIn(engine.url(), "reese", password));
        String other = cookie(logIn(engine.url(), "reese", password));
        assertThat(get(engine.url(), "/api/session", cookie).statusCode()).isEqualTo(200);
        HttpResponse<String> reset = engine.send("POST", "/api/users/reese/password", "{}", TestEngine.ADMIN_AUTH);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        for (String c : List.of(cookie, other)) {
            HttpResponse<String> r = get(engine.url(), "/api/session", c);
            assertThat(r.statusCode()).isEqualTo(401);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("session").asText()).isEqualTo("ended");
            assertThat(body.get("error").asText()).contains("Your session has ended");
            // The browser is told to forget the dead cookie.
            assertThat(r.headers().firstValue("Set-Cookie"))
                    .hasValueSatisfying(
                            v -> assertThat(v).startsWith("bridge_session=;").contains("Max-Age=0"));
        }
        // The new password logs in again.
        String again = JSON.readTree(reset.body()).get("password").asText();
        assertThat(get(engine.url(), "/api/session", cookie(logIn(engine.url(), "reese", again)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRestartWithTheSameAdminPasswordKeepsAdminsSessionsAndANewOneEndsThem() throws Exception {
        String cookie = cookie(logIn(engine.url(), "admin", TestEngine.ADMIN_PASSWORD));
        java.nio.file.Path file =
                java.nio.file.Files.createTempDirectory("admin").resolve("admin-password.txt");
        Authenticator start = new Authenticator(
                new com.webptbridge.store.security.Accounts(engine.engine().database()));
        start.ensureAdmin(TestEngine.ADMIN_PASSWORD, file); // what every start does
        assertThat(get(engine.url(), "/api/session", cookie).statusCode()).isEqualTo(200);
        try {
            start.ensureAdmin("a-new-admin-password", file);
            assertThat(get(engine.url(), "/api/session", cookie).statusCode()).isEqualTo(401);
        } finally {
            start.ensureAdmin(TestEngine.ADMIN_PASSWORD, file);
        }
    }

    @Test
    void removingTheAccountEndsItsSessions() throws Exception {
        String password = add(engine.get(), "ruth", "viewer");
        String cookie = cookie(logIn(engine.url(), "ruth", password));
        assertThat(engine.send("DELETE", "/api/users/ruth", null, TestEngine.ADMIN_AUTH)
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(engine.url(), "/api/session", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void aLogoutEndsTheSession() throws Exception {
        String password = add(engine.get(), "lola", "viewer");
        HttpResponse<String> login = logIn(engine.url(), "lola", password);
        String cookie = cookie(login);
        String kept = cookie(logIn(engine.url(), "lola", password)); // another browser's
        HttpResponse<String> out = request(
                engine.url(),
                "DELETE",
                "/api/session",
                null,
                "Cookie",
                cookie,
                "Content-Type",
                "application/json",
                "X-Bridge-Console",
                "1");
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(JSON.readTree(out.body()).get("loggedOut").asBoolean()).isTrue();
        assertThat(out.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(v -> assertThat(v).contains("Max-Age=0"));
        assertThat(get(engine.url(), "/api/session", cookie).statusCode()).isEqualTo(401);
        assertThat(get(engine.url(), "/api/session", kept).statusCode()).isEqualTo(200);
    }

    @Test
    void aCrossSiteLookingChangeWithTheCookieIsRefused() throws Exception {
        String password = add(engine.get(), "cory", "admin");
        String cookie = cookie(logIn(engine.url(), "cory", password));
        String body = "{\"name\":\"csrf-made\",\"role\":\"admin\"}";
        Map<String, String[]> attempts = Map.of(
                "Origin of another site",
                new String[] {
                    "Cookie",
                    cookie,
                    "Content-Type",
                    "application/json",
                    "X-Bridge-Console",
                    "1",
                    "Origin",
                    "https://evil.example"
                },
                "Sec-Fetch-Site cross-site",
                new String[] {
                    "Cookie",
                    cookie,
                    "Content-Type",
                    "application/json",
                    "X-Bridge-Console",
                    "1",
                    "Sec-Fetch-Site",
                    "cross-site"
                },
                "a form's content type",
                new String[] {
                    "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded", "X-Bridge-Console", "1"
                },
                "no console header (a page elsewhere cannot add it)",
                new String[] {"Cookie", cookie, "Content-Type", "application/json"});
        for (Map.Entry<String, String[]> a : attempts.entrySet()) {
            HttpResponse<String> r = request(engine.url(), "POST", "/api/users", body, a.getValue());
            assertThat(r.statusCode()).as(a.getKey() + ": " + r.body()).isIn(403, 415);
        }
        HttpResponse<String> noHeader =
                request(engine.url(), "POST", "/api/users", body, "Cookie", cookie, "Content-Type", "application/json");
        assertThat(noHeader.body()).contains("X-Bridge-Console");
        assertThat(engine.get("/api/users").body()).doesNotContain("csrf-made");
        // The same session still reads: only the changes a page elsewhere could send are refused.
        assertThat(get(engine.url(), "/api/session", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void basicStillWorksForScriptsAndWinsOverACookie() throws Exception {
        String password = add(engine.get(), "bea", "viewer");
        String cookie = cookie(logIn(engine.url(), "bea", password));
        HttpResponse<String> r = request(
                engine.url(), "GET", "/api/session", null, "Cookie", cookie, "Authorization", TestEngine.ADMIN_AUTH);
        assertThat(JSON.readTree(r.body()).get("user").asText()).isEqualTo("admin");
        // A script's change with Basic needs no console header, cookie or not.
        HttpResponse<String> change =
                engine.send("POST", "/api/users", "{\"name\":\"bea-made\",\"role\":\"viewer\"}", TestEngine.ADMIN_AUTH);
        assertThat(change.statusCode()).isEqualTo(201);
    }

    @Test
    void aSessionIsKeptWhileUsedAndRefusedAndDeletedOnceIdle() throws Exception {
        try (TestEngine idle = TestEngine.start(Map.of("bridge.http.session-idle-seconds", "6"))) {
            String password = add(idle, "ida", "viewer");
            String cookie = cookie(logIn(idle.url(), "ida", password));
            Instant opened = lastSeen(idle, "ida");
            // Past half the idle time (how often its use is written when that is under a minute), a request keeps it.
            Wait.until(
                    "the session is 3 s idle",
                    Duration.ofSeconds(30),
                    () -> idleFor(idle, "ida", Duration.ofMillis(3200)));
            assertThat(get(idle.url(), "/api/session", cookie).statusCode()).isEqualTo(200);
            assertThat(lastSeen(idle, "ida")).isAfter(opened);
            // Then left alone (polling the database, not the API, which would keep it alive).
            Wait.until(
                    "the session is 6 s idle",
                    Duration.ofSeconds(30),
                    () -> idleFor(idle, "ida", Duration.ofMillis(6500)));
            HttpResponse<String> r = get(idle.url(), "/api/session", cookie);
            assertThat(r.statusCode()).isEqualTo(401);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("session").asText()).isEqualTo("ended");
            assertThat(body.get("error").asText()).isEqualTo("Your session ended after 6 seconds idle; log in again.");
            assertThat(sessions(idle, "ida")).as("deleted").isZero();
            assertThat(get(idle.url(), "/api/session", cookie).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aSessionsUseIsNotWrittenOnEveryRequest() throws Exception {
        String password = add(engine.get(), "nell", "viewer");
        String cookie = cookie(logIn(engine.url(), "nell", password));
        Instant opened = lastSeen(engine.get(), "nell");
        for (int i = 0; i < 5; i++) {
            assertThat(get(engine.url(), "/api/session", cookie).statusCode()).isEqualTo(200);
        }
        // Within the minute: the row is as the login wrote it.
        assertThat(lastSeen(engine.get(), "nell")).isEqualTo(opened);
    }

    private static int sessions(TestEngine on, String account) throws Exception {
        try (var c = on.engine().database().connection();
                var ps = c.prepareStatement("SELECT COUNT(*) FROM console_session WHERE account_name = ?")) {
            ps.setString(1, account);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The session's last use as the database has it (the one session of this account). */
    private static Instant lastSeen(TestEngine on, String account) throws Exception {
        try (var c = on.engine().database().connection();
                var ps = c.prepareStatement("SELECT last_seen_at FROM console_session WHERE account_name = ?")) {
            ps.setString(1, account);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a session of " + account).isTrue();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private static boolean idleFor(TestEngine on, String account, Duration atLeast) {
        try {
            return Duration.between(lastSeen(on, account), Instant.now()).compareTo(atLeast) > 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
