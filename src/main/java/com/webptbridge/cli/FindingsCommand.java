package com.webptbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code bridge findings}: claim readiness's Needs review list (what the rules found in posted
 * encounters), and {@code bridge findings resolve|dismiss ID --reason ...}.
 */
@Command(
        name = "findings",
        description = "Claim-readiness findings to review: one line each (rule, location, what to do)",
        subcommands = {FindingsCommand.Resolve.class, FindingsCommand.Dismiss.class})
final class FindingsCommand extends ApiCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--status", description = "open (the default), resolved, dismissed or all")
    String status = "open";

    @Option(names = "--rule", description = "Only this rule, e.g. therapy-modifier")
    String rule;

    @Option(names = "--provider", description = "Only this rendering provider (Sequence Number)")
    Long provider;

    @Option(names = "--facility", description = "Only this facility (Sequence Number)")
    Long facility;

    @Option(names = "--payer", description = "Only this primary payer (Sequence Number)")
    Long payer;

    @Option(names = "--from", description = "Date of service from (yyyy-MM-dd)")
    String from;

    @Option(names = "--to", description = "Date of service to (yyyy-MM-dd)")
    String to;

    @Override
    public Integer call() {
        return run(() -> {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("status", "all".equals(status) ? null : status);
            query.put("rule", rule);
            query.put("provider", provider);
            query.put("facility", facility);
            query.put("payer", payer);
            query.put("from", from);
            query.put("to", to);
            StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
            query.forEach((k, v) -> {
                if (v != null) {
                    q.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
                }
            });
            ApiClient.Answer answer = api().call("GET", "/api/findings" + q, null);
            if (!answer.ok()) {
                return refused(answer);
            }
            if (answer.body().isEmpty()) {
                out().println("No findings.");
            }
            for (JsonNode f : answer.body()) {
                out().println("#" + f.get("id").asLong() + " " + f.get("rule").asText() + " at "
                        + f.path("location").asText("-") + ", visit "
                        + f.path("visitNumber").asText("-")
                        + ", date of service " + f.path("serviceDate").asText("-") + ", journal "
                        + f.get("journalId").asLong() + (f.get("test").asBoolean() ? " [test]" : "") + " ("
                        + f.get("status").asText() + ")");
                out().println("    " + f.get("text").asText());
                if (!f.path("reason").isNull() && !f.path("reason").isMissingNode()) {
                    out().println("    " + f.get("status").asText() + " by "
                            + f.path("resolvedBy").asText() + ": "
                            + f.get("reason").asText());
                }
            }
            return 0;
        });
    }

    /** The decision on one finding, with its reason. */
    abstract static class Decide implements java.util.concurrent.Callable<Integer> {

        @picocli.CommandLine.ParentCommand
        FindingsCommand parent;

        @Parameters(index = "0", description = "The finding's id (from bridge findings)")
        long id;

        @Option(names = "--reason", required = true, description = "Why, as the Needs review list keeps it")
        String reason;

        abstract String action();

        @Override
        public Integer call() {
            return parent.run(() -> {
                ApiClient.Answer answer =
                        parent.api().call("POST", "/api/findings/" + id + "/" + action(), Map.of("reason", reason));
                if (!answer.ok()) {
                    return parent.refused(answer);
                }
                parent.out()
                        .println("Finding " + id + " "
                                + answer.body().get("status").asText() + ".");
                return 0;
            });
        }
    }

    @Command(
            name = "resolve",
            description = "Mark a finding resolved (fixed in WebPT), with --reason",
            mixinStandardHelpOptions = true)
    static final class Resolve extends Decide {
        @Override
        String action() {
            return "resolve";
        }
    }

    @Command(
            name = "dismiss",
            description = "Dismiss a finding (not a problem), with --reason",
            mixinStandardHelpOptions = true)
    static final class Dismiss extends Decide {
        @Override
        String action() {
            return "dismiss";
        }
    }
}
