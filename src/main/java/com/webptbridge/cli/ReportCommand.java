package com.webptbridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bridge report}: an interface's report for a period (messages by outcome, what was posted by
 * provider, facility, code and payer, what waits, the top NAK reasons), read from the running engine.
 */
@Command(
        name = "report",
        description = "An interface's report for a period: messages by type and outcome, charges posted by"
                + " provider, facility, code and payer, what waits, the top NAK reasons.",
        mixinStandardHelpOptions = true)
final class ReportCommand extends ApiCommand implements Callable<Integer> {

    @Option(names = "--period", description = "today, day (yesterday) or week (the 7 days before today)")
    String period;

    @Option(names = "--from", paramLabel = "DATE", description = "The first day (2026-11-01) or an instant")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "The last day, included (2026-11-30), or an instant")
    String to;

    @Option(names = "--format", defaultValue = "text", description = "text (the default), csv, html or json")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of printing it")
    Path out;

    @Override
    public Integer call() {
        return run(() -> {
            List<String> query = new ArrayList<>();
            add(query, "period", period);
            add(query, "from", from);
            add(query, "to", to);
            add(query, "format", format);
            java.net.http.HttpResponse<String> answer = api().document("/api/reports?" + String.join("&", query));
            return document(answer, out, "the report");
        });
    }

    private static void add(List<String> query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
