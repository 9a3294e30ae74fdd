package com.webptbridge.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.Locale;

/**
 * What keeps a browser from being turned against the API, before any body is read: security headers
 * on every answer; a Host that is not one of this engine's names (DNS rebinding), an Origin of
 * another site, a cross-site fetch and a path with dot segments refused; a change sent as
 * anything but the types its endpoint takes (JSON, which a page on another site cannot make a
 * browser send without asking) refused; and a change authenticated by the console's session cookie
 * refused unless it carries the console's header.
 */
final class BrowserGuard {

    private final AdminApi.Options options;
    private final Answers answers;

    /** The port the server listens on (known once it does): an Origin of ours names it. */
    volatile int port;

    BrowserGuard(AdminApi.Options options, Answers answers) {
        this.options = options;
        this.answers = answers;
    }

    /**
     * Security headers on every answer, then what a browser could be made to send: a Host that is
     * not one of this engine's names (DNS rebinding), an Origin of another site, a path with dot
     * segments (routed as another). All refused before the body is read.
     */
    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        response.putHeader("Cache-Control", "no-store")
                .putHeader("Pragma", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader(
                        "Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                + " connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
                                + " base-uri 'none'; form-action 'self'");
        if (options.keystore() != null) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000");
        }
        // HTTP/1.1's Host header, or HTTP/2's :authority
        String authority = request.authority() == null
                ? request.getHeader("Host")
                : request.authority().host()
                        + (request.authority().port() < 0
                                ? ""
                                : ":" + request.authority().port());
        String host = hostName(authority);
        if (host == null || !options.allowedHosts().contains(host)) {
            answers.write(
                    ctx,
                    ApiResponse.error(
                            403,
                            "Host '" + authority + "' is not one of this engine's names; "
                                    + "add it to bridge.http.allowed-hosts to reach the API by that name."));
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin)) {
            answers.write(
                    ctx, ApiResponse.error(403, "Requests from another site (Origin " + origin + ") are refused."));
            return;
        }
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            answers.write(ctx, ApiResponse.error(403, "Cross-site requests are refused."));
            return;
        }
        ApiResponse unreadable = unreadable(request);
        if (unreadable != null) {
            answers.write(ctx, unreadable);
            return;
        }
        ctx.next();
    }

    /** A request URI Java cannot read, or one with . or .. segments (which the router would resolve to another path). */
    private static ApiResponse unreadable(HttpServerRequest request) {
        try {
            URI uri = URI.create(request.uri());
            return uri.normalize().equals(uri)
                    ? null
                    : ApiResponse.error(400, "Paths with . or .. segments are refused.");
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, "The request's path or query is not valid.");
        }
    }

    /**
     * A change not sent as one of the types its endpoint takes (JSON, which a cross-site form or
     * text/plain POST cannot be), refused before the body is read.
     */
    void refuseUnsafe(RoutingContext ctx, Endpoint endpoint) {
        HttpMethod method = ctx.request().method();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            if (bySessionCookie(ctx.request()) && !"1".equals(ctx.request().getHeader("X-Bridge-Console"))) {
                answers.write(
                        ctx,
                        ApiResponse.error(
                                403,
                                "A change made with the console's login cookie must come from the console's page"
                                        + " (header X-Bridge-Console: 1); scripts log in with Basic or a token."));
                return;
            }
            String type = ctx.request().getHeader("Content-Type");
            String mime = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!endpoint.consumes().contains(mime)) {
                // An import takes its CSV: telling its sender to send JSON would send them the wrong way.
                String wanted = endpoint.consumes().equals(Endpoint.JSON)
                        ? "Send changes as JSON with Content-Type: application/json"
                        : "Send this with Content-Type: " + String.join(" or ", endpoint.consumes());
                answers.write(ctx, ApiResponse.error(415, wanted + " (was '" + type + "')."));
                return;
            }
        }
        ctx.next();
    }

    /**
     * A request the browser's cookie would authenticate (no Authorization header of its own). A
     * browser sends a cookie with whatever request a page makes, so besides the checks above (its
     * Origin, Sec-Fetch-Site, JSON only, SameSite=Strict) a change needs the console's own header,
     * which a page on another site cannot add without the preflight this API never grants.
     */
    private static boolean bySessionCookie(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        return (authorization == null || authorization.isBlank()) && ConsoleSessions.token(request) != null;
    }

    /** An Origin is this engine's own when its host is an allowed name and its port ours. */
    private boolean sameOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            String scheme = options.keystore() != null ? "https" : "http";
            int port = uri.getPort() < 0 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
            return scheme.equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && options.allowedHosts().contains(hostName(uri.getHost()))
                    && port == this.port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host of a Host header, lower case, without port or IPv6 brackets. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
