package com.webptbridge.api;

import com.webptbridge.store.security.Sessions;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a request is from: its {@code Authorization} header (Basic or Bearer, for scripts and the
 * CLI, {@link Authenticator}) or else the console's session cookie. A session is opened by a
 * login checked like any other (same throttle), is a random token (32 bytes from SecureRandom)
 * kept only as its SHA-256 in the database ({@link Sessions}, so every engine behind a balancer
 * accepts it), and is sent as an HttpOnly, SameSite=Strict cookie (Secure over TLS) that page
 * scripts cannot read. It ends when idle longer than {@code bridge.http.session-idle-seconds},
 * when older than {@code bridge.http.session-max-hours}, at logout, and when the account's
 * password changes or the account is removed. Its last use is written at most once a minute (or
 * half the idle time when that is shorter), not on every request.
 */
final class ConsoleSessions {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSessions.class);
    /** The cookie's name; one per host name, so two engines on one host (other ports) share it. */
    static final String COOKIE = "bridge_session";

    private static final String PREFIX = "wbs_";
    private static final Pattern TOKEN = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");
    private static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    private final Authenticator authenticator;
    private final Sessions store;
    private final Duration idle;
    private final Duration maxAge;
    private final boolean secure;

    ConsoleSessions(Authenticator authenticator, Sessions store, Duration idle, Duration maxAge, boolean secure) {
        this.authenticator = authenticator;
        this.store = store;
        this.idle = idle;
        this.maxAge = maxAge;
        this.secure = secure;
    }

    Duration idle() {
        return idle;
    }

    /**
     * A principal, a refusal, or empty (no credentials at all). The Authorization header wins over
     * the cookie: a script's own login is what it means.
     */
    Object who(HttpServerRequest request) throws SQLException {
        String authorization = request.getHeader("Authorization");
        String from = String.valueOf(request.remoteAddress());
        if (authorization != null && !authorization.isBlank()) {
            return authenticator.authenticate(authorization, from);
        }
        String token = token(request);
        return token == null ? Optional.empty() : check(token, from);
    }

    /** The session cookie's value, or null when the request has none. */
    static String token(HttpServerRequest request) {
        Cookie c = request.getCookie(COOKIE);
        return c == null || c.getValue().isBlank() ? null : c.getValue();
    }

    /** Checks a name and password (throttled as every login) and opens a session: the principal and its token, or a refusal. */
    Object logIn(String name, String password, String from) throws SQLException {
        Object who = authenticator.logIn(name, password, from);
        if (!(who instanceof Authenticator.Principal principal)) {
            return who;
        }
        Instant now = Instant.now();
        store.closeExpired(now.minus(idle), now.minus(maxAge));
        String token = PREFIX + Authenticator.random(32);
        store.open(Authenticator.sha256(token), principal.name(), now);
        LOG.info("Console login of account '{}' from {}", principal.name(), from);
        return new Opened(principal, token);
    }

    /** A session just opened: who, and the token for its cookie (never in the body). */
    record Opened(Authenticator.Principal principal, String token) {}

    private Object check(String token, String from) throws SQLException {
        if (!TOKEN.matcher(token).matches()) {
            return ended("The session cookie is not one this engine made; log in again.");
        }
        String hash = Authenticator.sha256(token);
        Optional<Sessions.Session> found = store.find(hash);
        if (found.isEmpty()) {
            return ended("Your session has ended (logged out, idle for " + text(idle)
                    + ", or the account's password was changed); log in again.");
        }
        Sessions.Session s = found.get();
        Instant now = Instant.now();
        if (s.lastSeenAt().plus(idle).isBefore(now)) {
            store.close(hash);
            LOG.info(
                    "Ended the idle console session of account '{}' (from {})",
                    s.account().name(),
                    from);
            return ended("Your session ended after " + text(idle) + " idle; log in again.");
        }
        if (s.createdAt().plus(maxAge).isBefore(now)) {
            store.close(hash);
            return ended("Your session ended: a login lasts at most " + text(maxAge) + "; log in again.");
        }
        Duration every = idle.dividedBy(2).compareTo(SEEN_EVERY) < 0 ? idle.dividedBy(2) : SEEN_EVERY;
        if (Duration.between(s.lastSeenAt(), now).compareTo(every) >= 0) {
            store.seen(hash, now);
        }
        return Authenticator.principal(s.account());
    }

    /** Ends the request's session (a logout); whether it had one. */
    boolean logOut(HttpServerRequest request) throws SQLException {
        String token = token(request);
        return token != null && TOKEN.matcher(token).matches() && store.close(Authenticator.sha256(token));
    }

    private static Authenticator.Refusal ended(String reason) {
        return new Authenticator.Refusal(reason, 0, true);
    }

    /** The Set-Cookie header that hands the browser its session: for scripts of no page to read, sent to this site only. */
    String cookie(String token) {
        return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The Set-Cookie header that makes the browser forget it. */
    String forget() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** 15 minutes, 2 seconds, 12 hours: as the console's message says it. */
    static String text(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return plural(s / 3600, "hour");
        }
        return s % 60 == 0 ? plural(s / 60, "minute") : plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
