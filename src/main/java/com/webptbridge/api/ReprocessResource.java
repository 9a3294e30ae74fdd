package com.webptbridge.api;

import com.webptbridge.billing.WaitingKind;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.maintenance.Reprocessor;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.store.journal.ReprocessFilter;
import io.vertx.core.http.HttpMethod;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reprocessing in one interface: one message, every message a filter selects (a large backlog as a
 * background job), and the job's progress at {@code /api/jobs/:id}.
 */
final class ReprocessResource {

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.change(
                                HttpMethod.POST,
                                MessagesResource.MESSAGES
                                        .param(MessagesResource.JOURNAL_ID)
                                        .then("reprocess"),
                                Role.ANALYST,
                                "reprocess one message",
                                ReprocessResource::one)
                        .ofInterface(),
                Endpoint.change(
                                HttpMethod.POST,
                                MessagesResource.MESSAGES.then("reprocess"),
                                Role.ANALYST,
                                "reprocess every message that matches a filter",
                                ReprocessResource::matching)
                        .ofInterface(),
                Endpoint.get(
                                ApiPath.of("api", "jobs").param("id"),
                                Role.VIEWER,
                                "a background reprocess job's progress",
                                ReprocessResource::job)
                        .ofInterface());
    }

    private static ApiResponse one(Call call) throws Exception {
        long id = Params.number(call.param(MessagesResource.JOURNAL_ID), "message id");
        return call.practice()
                .maintenance()
                .reprocessor()
                .reprocess(id)
                .map(ApiResponse::ok)
                .orElse(ApiResponse.error(404, "No journaled message has id " + id));
    }

    private static ApiResponse matching(Call call) throws Exception {
        Body body = call.body();
        Maintenance maintenance = call.practice().maintenance();
        Reprocessor reprocessor = maintenance.reprocessor();
        if (body.flag("dryRun", false)) {
            return ApiResponse.ok(Map.of("wouldReprocess", reprocessor.candidates(filter(body))));
        }
        List<Long> ids = reprocessor.selected(filter(body));
        if (ids.size() > Reprocessor.INLINE) {
            // A large backlog: answered at once with the job, whose progress is read at /api/jobs/{id}.
            return new ApiResponse(202, reprocessor.reprocessInBackground(ids, maintenance.jobs()));
        }
        List<Reprocessor.Outcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            reprocessor.reprocess(id).ifPresent(outcomes::add);
        }
        return ApiResponse.ok(Map.of("reprocessed", outcomes));
    }

    private static ApiResponse job(Call call) {
        String id = call.param("id");
        return call.practice()
                .maintenance()
                .jobs()
                .find(id)
                .map(ApiResponse::ok)
                .orElse(ApiResponse.error(
                        404, "No job " + id + " (jobs are kept in the engine that runs them, the last 100)"));
    }

    /** A bulk-reprocess filter from JSON: status, errorCode, waitingKind, waitingKey, from, to, limit. */
    private static ReprocessFilter filter(Body body) {
        Set<MessageStatus> statuses = new HashSet<>();
        List<String> status = body.texts("status");
        if (status != null) {
            for (String s : String.join(",", status).split(",")) {
                statuses.add(Params.status(s));
            }
        }
        Long code = body.whole("errorCode");
        return new ReprocessFilter(
                statuses,
                code == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, code)),
                waitingKind(body.text("waitingKind")),
                body.asSent("waitingKey"),
                date(body, "from"),
                date(body, "to"),
                limit(body.whole("limit")));
    }

    private static LocalDate date(Body body, String key) {
        String text = body.text(key);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, key + " must be a date (yyyy-MM-dd), was '" + text + "'.");
        }
    }

    /** How many messages one bulk reprocess may take: 1 to 10,000 (1,000 unless given). */
    private static int limit(Long limit) {
        long n = limit == null ? 1000 : limit;
        if (n < 1 || n > 10_000) {
            throw new ApiException(400, "limit must be between 1 and 10000, was " + n);
        }
        return (int) n;
    }

    /** A waiting kind as the journal spells it; a typo is refused naming the valid kinds. */
    private static String waitingKind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return WaitingKind.parse(kind).code();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "waitingKind: " + e.getMessage());
        }
    }
}
