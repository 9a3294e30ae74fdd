package com.webptbridge.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator console's files (HTML, JS, CSS), served from inside the jar. They hold no data and
 * need no login; every page logs in and reads through the API, which checks the account's role.
 * The charting library (uPlot) comes from its WebJar on the class path, under
 * {@code /console/lib/uplot/}: nothing of the console is loaded from elsewhere.
 */
final class ConsoleResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}\\.(html|js|css)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    /** The WebJar's folder, and the files of it the console uses (with its licence, readable at its path too). */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/";

    private static final Map<String, String> UPLOT_FILES = Map.of(
            "uPlot.iife.min.js", "dist/uPlot.iife.min.js",
            "uPlot.min.css", "dist/uPlot.min.css",
            "LICENSE", "LICENSE");

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.open(ApiPath.of(), "the console's page", call -> serve("index.html", "html")),
                Endpoint.open(
                        ApiPath.of("console").param("file"),
                        "the console's scripts and styles",
                        call -> file(call.param("file"))),
                Endpoint.open(
                        ApiPath.of("console", "lib", "uplot").param("file"),
                        "the charting library's script, styles and licence (uPlot, MIT)",
                        call -> uplot(call.param("file"))));
    }

    private static ApiResponse uplot(String name) throws IOException {
        String path = name == null ? null : UPLOT_FILES.get(name);
        if (path == null) {
            return notFound();
        }
        String type = name.endsWith(".js")
                ? TYPES.get("js")
                : name.endsWith(".css") ? TYPES.get("css") : "text/plain; charset=utf-8";
        try (InputStream in = ConsoleResource.class.getResourceAsStream(UPLOT + path)) {
            return in == null ? notFound() : ApiResponse.ok(new AdminApi.Raw(type, in.readAllBytes()));
        }
    }

    /** A file name of the console (checked against one pattern: it names a file, not a path). */
    private static ApiResponse file(String name) throws IOException {
        var matched = name == null ? null : NAME.matcher(name);
        return matched != null && matched.matches() ? serve(name, matched.group(1)) : notFound();
    }

    private static ApiResponse serve(String file, String extension) throws IOException {
        try (InputStream in = ConsoleResource.class.getResourceAsStream("/console/" + file)) {
            return in == null ? notFound() : ApiResponse.ok(new AdminApi.Raw(TYPES.get(extension), in.readAllBytes()));
        }
    }

    private static ApiResponse notFound() {
        return new ApiResponse(
                404, new AdminApi.Raw("text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8)));
    }
}
