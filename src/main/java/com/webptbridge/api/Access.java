package com.webptbridge.api;

import com.webptbridge.billing.ReferenceKind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * THE table of who may call what on the API: every resource with the least role it needs and what
 * the access log records for it. A request no rule names needs {@code admin}, so a new route is
 * never left open; every {@code /api/*} request needs a login whatever its rule (only
 * {@code /health} does not). Paths are matched as one interface sees them: {@code
 * /api/interfaces/{id}/patients/P1} and the short {@code /api/patients/P1} both match
 * {@code /api/patients/{id}}.
 */
final class Access {

    /** What a request leaves in the access log. */
    enum Audit {
        NONE,
        /** A read of a patient's data: the patient ID is recorded. */
        READ_PATIENT,
        /** A read of a raw message: the journal id is recorded. */
        READ_RAW,
        /** Any change. */
        CHANGE
    }

    /**
     * One resource. {@code engineWide}: about the engine as a whole, so an account limited to some
     * interfaces may not call it (except to list the interfaces).
     */
    record Rule(String method, String template, Role role, Audit audit, boolean engineWide, String example) {
        Pattern pattern() {
            String kinds = Arrays.stream(ReferenceKind.values())
                    .map(k -> Pattern.quote(k.path()))
                    .collect(Collectors.joining("|"));
            String regex = Pattern.quote(template)
                    .replace("{kind}", "\\E(?:" + kinds + ")\\Q")
                    .replace("{id}", "\\E([^/]+)\\Q")
                    .replace("{key}", "\\E([^/]+)\\Q")
                    .replace("?raw=true", "");
            return Pattern.compile(regex);
        }

        boolean raw() {
            return template.endsWith("?raw=true");
        }
    }

    private static final Role V = Role.VIEWER;
    private static final Role A = Role.ANALYST;
    private static final Role ADMIN = Role.ADMIN;

    /** Every API resource. Keep docs/api.md in step. */
    static final List<Rule> RULES = List.of(
            // The engine's interfaces
            new Rule("GET", "/api/interfaces", V, Audit.NONE, false, "/api/interfaces"),
            new Rule("POST", "/api/interfaces", ADMIN, Audit.CHANGE, true, "/api/interfaces"),
            new Rule("POST", "/api/interfaces/reload", ADMIN, Audit.CHANGE, true, "/api/interfaces/reload"),
            new Rule("GET", "/api/interfaces/{id}", V, Audit.NONE, false, "/api/interfaces/default"),
            new Rule("POST", "/api/interfaces/{id}/disable", ADMIN, Audit.CHANGE, true, "/api/interfaces/x/disable"),
            // One interface's journal and worklist
            new Rule("GET", "/api/worklist", V, Audit.NONE, false, "/api/worklist"),
            new Rule("GET", "/api/messages", V, Audit.NONE, false, "/api/messages"),
            new Rule("GET", "/api/messages/{id}?raw=true", A, Audit.READ_RAW, false, "/api/messages/1?raw=true"),
            new Rule("GET", "/api/messages/{id}", V, Audit.NONE, false, "/api/messages/1"),
            new Rule("POST", "/api/messages/reprocess", A, Audit.CHANGE, false, "/api/messages/reprocess"),
            new Rule("POST", "/api/messages/{id}/reprocess", A, Audit.CHANGE, false, "/api/messages/1/reprocess"),
            new Rule("GET", "/api/jobs/{id}", V, Audit.NONE, false, "/api/jobs/x"),
            // The console's views: counts for the dashboard, HL7 field names, the reference kinds' fields
            new Rule("GET", "/api/summary", V, Audit.NONE, false, "/api/summary"),
            new Rule("GET", "/api/field-names", V, Audit.NONE, false, "/api/field-names"),
            new Rule("GET", "/api/reference-kinds", V, Audit.NONE, false, "/api/reference-kinds"),
            // Try a message: what it would do, nothing stored (the answer shows patient data)
            new Rule("POST", "/api/dry-run", A, Audit.READ_PATIENT, false, "/api/dry-run"),
            // Metrics in Prometheus text format (counts and codes only, no patient data)
            new Rule("GET", "/metrics", V, Audit.NONE, false, "/metrics"),
            // Patient data
            new Rule("GET", "/api/patients/{id}", A, Audit.READ_PATIENT, false, "/api/patients/P1"),
            // Reference data: payers, facilities, providers, referring providers, procedure codes
            new Rule("GET", "/api/{kind}", V, Audit.NONE, false, "/api/payers"),
            new Rule("GET", "/api/{kind}/{key}", V, Audit.NONE, false, "/api/payers/1"),
            new Rule("GET", "/api/{kind}/{key}/audit", V, Audit.NONE, false, "/api/payers/1/audit"),
            new Rule("POST", "/api/{kind}", A, Audit.CHANGE, false, "/api/payers"),
            new Rule("PUT", "/api/{kind}/{key}", A, Audit.CHANGE, false, "/api/payers/1"),
            new Rule("DELETE", "/api/{kind}/{key}", A, Audit.CHANGE, false, "/api/payers/1"),
            // Accounts, the access log, retention
            new Rule("GET", "/api/users", ADMIN, Audit.NONE, true, "/api/users"),
            new Rule("POST", "/api/users", ADMIN, Audit.CHANGE, true, "/api/users"),
            new Rule("DELETE", "/api/users/{id}", ADMIN, Audit.CHANGE, true, "/api/users/x"),
            new Rule("POST", "/api/users/{id}/password", ADMIN, Audit.CHANGE, true, "/api/users/x/password"),
            new Rule("POST", "/api/users/{id}/tokens", ADMIN, Audit.CHANGE, true, "/api/users/x/tokens"),
            new Rule("DELETE", "/api/users/{id}/tokens", ADMIN, Audit.CHANGE, true, "/api/users/x/tokens"),
            new Rule("GET", "/api/access-log", ADMIN, Audit.NONE, true, "/api/access-log"),
            new Rule("POST", "/api/prune", ADMIN, Audit.CHANGE, true, "/api/prune"));

    /**
     * The routes open without a login, for load balancers and orchestrators: they answer UP or DOWN
     * and the names of the parts checked, never data. ({@code /health} itself answers a visitor the
     * same way and a logged-in account with its database's status.) The role is the least any
     * account has; no login is asked for.
     */
    static final List<Rule> OPEN = List.of(
            new Rule("GET", "/health", V, Audit.NONE, true, "/health"),
            new Rule("GET", "/health/ready", V, Audit.NONE, true, "/health/ready"),
            new Rule("GET", "/health/live", V, Audit.NONE, true, "/health/live"));

    /** What no rule names: admin only. */
    static final Rule UNLISTED = new Rule("*", "/api/**", ADMIN, Audit.CHANGE, true, "/api/not-a-route");

    private static final List<Pattern> PATTERNS =
            RULES.stream().map(Rule::pattern).toList();

    /**
     * A request as the table sees it: the rule, the interface it is about (null when none or not yet
     * known), and the identifier the access log records (patient ID or journal id).
     */
    record Decision(Rule rule, String interfaceId, String subject) {}

    private Access() {}

    /**
     * The rule for a request. {@code onlyInterface} is the id of the one running interface, or null
     * when several run (short paths then name none).
     */
    static Decision decide(String method, String path, Map<String, String> query, String onlyInterface) {
        String clean = path.replaceAll("/+$", "");
        String interfaceId = onlyInterface;
        String scoped = clean;
        Matcher m = Pattern.compile("/api/interfaces/([^/]+)/(.+)").matcher(clean);
        if (m.matches() && !m.group(2).equals("disable")) {
            interfaceId = m.group(1);
            scoped = "/api/" + m.group(2);
        } else if (clean.startsWith("/api/interfaces")) {
            Matcher one = Pattern.compile("/api/interfaces/([^/]+)(/disable)?").matcher(clean);
            interfaceId = one.matches() && !one.group(1).equals("reload") ? one.group(1) : null;
        }
        boolean raw = "true".equalsIgnoreCase(query.getOrDefault("raw", ""));
        for (int i = 0; i < RULES.size(); i++) {
            Rule rule = RULES.get(i);
            if (!rule.method().equals(method) || (rule.raw() && !raw)) {
                continue;
            }
            Matcher match = PATTERNS.get(i).matcher(scoped);
            if (match.matches()) {
                return new Decision(rule, rule.engineWide() ? null : interfaceId, subject(rule, match));
            }
        }
        return new Decision(UNLISTED, interfaceId, null);
    }

    private static String subject(Rule rule, Matcher match) {
        if (match.groupCount() == 0 || rule.template().startsWith("/api/interfaces")) {
            return null;
        }
        return Optional.ofNullable(match.group(match.groupCount())).orElse(null);
    }
}
