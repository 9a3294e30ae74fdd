package com.webptbridge.api;

import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator console's files (HTML, JS, CSS), served from inside the jar. They hold no data and
 * need no login; every page logs in and reads through the API, which checks the account's role.
 */
final class Console {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}\\.(html|js|css)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private Console() {}

    static void serve(RoutingContext ctx, String file) {
        if (file == null || !NAME.matcher(file).matches()) {
            ctx.response().setStatusCode(404).end("Not found");
            return;
        }
        try (InputStream in = Console.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                ctx.response().setStatusCode(404).end("Not found");
                return;
            }
            byte[] bytes = in.readAllBytes();
            ctx.response()
                    .putHeader("Content-Type", TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
                    .end(io.vertx.core.buffer.Buffer.buffer(bytes));
        } catch (IOException e) {
            ctx.response().setStatusCode(500).end("The console file could not be read.");
        }
    }
}
