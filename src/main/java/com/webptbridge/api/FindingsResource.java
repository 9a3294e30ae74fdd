package com.webptbridge.api;

import com.webptbridge.readiness.Rule;
import com.webptbridge.store.Database;
import com.webptbridge.store.findings.ClaimFinding;
import com.webptbridge.store.findings.ClaimFindings;
import io.vertx.core.http.HttpMethod;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Claim readiness's Needs review list: the findings of an interface's posted encounters, filtered
 * by rule, provider, facility, payer, date of service and status, and an analyst's decision on one
 * (resolved: fixed in WebPT; dismissed: not a problem), with who and why.
 */
final class FindingsResource {

    static final ApiPath FINDINGS = ApiPath.of("api", "findings");
    private static final Set<String> STATUSES = Set.of("open", "resolved", "dismissed");

    private final Database db;

    FindingsResource(Database db) {
        this.db = db;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get(FINDINGS, Role.VIEWER, "claim-readiness findings, newest first, filtered", this::list)
                        .taking(
                                "status",
                                "rule",
                                "provider",
                                "facility",
                                "payer",
                                "from",
                                "to",
                                "test",
                                "journalId",
                                "limit")
                        .ofInterface(),
                Endpoint.change(
                                HttpMethod.POST,
                                FINDINGS.param("id").then("resolve"),
                                Role.ANALYST,
                                "mark a finding resolved, with a reason",
                                call -> decide(call, "resolved"))
                        .ofInterface(),
                Endpoint.change(
                                HttpMethod.POST,
                                FINDINGS.param("id").then("dismiss"),
                                Role.ANALYST,
                                "dismiss a finding, with a reason",
                                call -> decide(call, "dismissed"))
                        .ofInterface());
    }

    private ClaimFindings findings(Call call) {
        return new ClaimFindings(db, call.practice().id());
    }

    private ApiResponse list(Call call) throws SQLException {
        String status = Params.blankToNull(call.query("status"));
        if (status != null && !STATUSES.contains(status)) {
            throw new ApiException(400, "status must be open, resolved or dismissed, was '" + status + "'.");
        }
        String rule = Params.blankToNull(call.query("rule"));
        if (rule != null) {
            try {
                Rule.of(rule, "rule");
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage());
            }
        }
        String test = Params.blankToNull(call.query("test"));
        if (test != null && !test.equals("true") && !test.equals("false")) {
            throw new ApiException(400, "test must be true or false, was '" + test + "'.");
        }
        String limit = Params.blankToNull(call.query("limit"));
        long max = limit == null ? 200 : Params.number(limit, "limit");
        if (max < 1 || max > 1000) {
            throw new ApiException(400, "limit must be between 1 and 1000, was " + max);
        }
        List<ClaimFinding> found = findings(call)
                .list(new ClaimFindings.Filter(
                        status,
                        rule,
                        number(call, "provider"),
                        number(call, "facility"),
                        number(call, "payer"),
                        date(call, "from"),
                        date(call, "to"),
                        test == null ? null : Boolean.valueOf(test),
                        number(call, "journalId"),
                        (int) max));
        return ApiResponse.ok(found);
    }

    private ApiResponse decide(Call call, String status) throws SQLException {
        long id = Params.number(call.param("id"), "finding id");
        String reason = call.body().text("reason");
        if (reason == null || reason.isBlank()) {
            throw new ApiException(400, "Say why in the body: {\"reason\": \"...\"} (at most 500 characters).");
        }
        if (reason.length() > 500) {
            throw new ApiException(400, "reason is " + reason.length() + " characters; send at most 500.");
        }
        ClaimFindings findings = findings(call);
        ClaimFinding before = findings.find(id).orElse(null);
        if (before == null) {
            return ApiResponse.error(404, "This interface has no finding " + id);
        }
        if (!before.status().equals("open")) {
            return ApiResponse.error(
                    409,
                    "Finding " + id + " is already " + before.status() + " by " + before.resolvedBy() + ": "
                            + before.reason());
        }
        return ApiResponse.ok(
                findings.decide(id, status, call.operator(), reason.trim()).orElseThrow());
    }

    private static Long number(Call call, String name) {
        String text = Params.blankToNull(call.query(name));
        return text == null ? null : Params.number(text, name);
    }

    private static LocalDate date(Call call, String name) {
        String text = Params.blankToNull(call.query(name));
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, name + " must be a date (yyyy-MM-dd), was '" + text + "'.");
        }
    }
}
