package com.webptbridge.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /metrics}: the engine's meters in Prometheus text format (counts and codes, no patient
 * data). An account limited to some interfaces sees the series of those and the engine-wide ones,
 * not another practice's.
 */
final class MetricsResource {

    /** The interface label of a sample line, e.g. {@code bridge_messages_total{interface="clinic-a",...} 3}. */
    private static final Pattern INTERFACE_LABEL = Pattern.compile("[{,]interface=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final AdminApi.MetricsText metrics;

    MetricsResource(AdminApi.MetricsText metrics) {
        this.metrics = metrics;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.get(
                ApiPath.of("metrics"),
                Role.VIEWER,
                "Prometheus text format (an account limited to some interfaces: their series and the engine's)",
                call -> ApiResponse.ok(new AdminApi.Raw(
                        "text/plain; version=0.0.4; charset=utf-8",
                        visible(metrics.scrape(), call::mayUse).getBytes(StandardCharsets.UTF_8)))));
    }

    /** The scrape without the sample lines of interfaces the caller may not use; comments and engine-wide series stay. */
    static String visible(String scrape, Predicate<String> mayUse) {
        return scrape.lines()
                .filter(line -> {
                    if (line.startsWith("#")) {
                        return true;
                    }
                    Matcher label = INTERFACE_LABEL.matcher(line);
                    return !label.find() || mayUse.test(unescape(label.group(1)));
                })
                .collect(Collectors.joining("\n", "", scrape.endsWith("\n") ? "\n" : ""));
    }

    /** A label value as Prometheus escapes it (backslash, quote, newline) back to the id. */
    private static String unescape(String value) {
        return value.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
