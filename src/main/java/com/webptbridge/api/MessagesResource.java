package com.webptbridge.api;

import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One interface's message journal: {@code GET /api/messages} (search, newest first) and
 * {@code GET /api/messages/:journalId} (one entry with its attempts; the raw message with
 * {@code ?raw=true}, for an analyst, in the access log).
 */
final class MessagesResource {

    /** The path parameter of one journal entry; the access log records it. */
    static final String JOURNAL_ID = "journalId";

    static final ApiPath MESSAGES = ApiPath.of("api", "messages");

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get(MESSAGES, Role.VIEWER, "journal entries, newest first, filtered", this::search)
                        .taking(
                                "status",
                                "type",
                                "patientId",
                                "controlId",
                                "facility",
                                "errorCode",
                                "from",
                                "to",
                                "limit",
                                "offset")
                        .ofInterface(),
                Endpoint.get(
                                MESSAGES.param(JOURNAL_ID),
                                Role.VIEWER,
                                "one journal entry with its attempt history (raw message on request)",
                                this::one)
                        .taking("raw")
                        .whenRaw(Role.ANALYST, Endpoint.Audit.READ_RAW)
                        .ofInterface());
    }

    private ApiResponse search(Call call) throws SQLException {
        String errorCode = Params.blankToNull(call.query("errorCode"));
        String offset = Params.blankToNull(call.query("offset"));
        long skip = offset == null ? 0 : Params.number(offset, "offset");
        if (skip < 0 || skip > 1_000_000) {
            throw new ApiException(400, "offset must be between 0 and 1000000, was " + skip);
        }
        return ApiResponse.ok(call
                .practice()
                .journal()
                .search(new Journal.Search(
                        Params.status(call.query("status")),
                        Params.blankToNull(call.query("type")),
                        Params.blankToNull(call.query("patientId")),
                        Params.blankToNull(call.query("controlId")),
                        Params.blankToNull(call.query("facility")),
                        errorCode == null ? null : (int) Params.number(errorCode, "errorCode"),
                        ConsoleJson.instant(call.query("from"), "from"),
                        ConsoleJson.instant(call.query("to"), "to"),
                        limit(call.query("limit")),
                        (int) skip))
                .stream()
                .map(MessageJson::of)
                .toList());
    }

    private ApiResponse one(Call call) throws SQLException {
        long id = Params.number(call.param(JOURNAL_ID), "message id");
        boolean raw = "true".equalsIgnoreCase(call.query("raw"));
        Journal journal = call.practice().journal();
        Optional<JournalEntry> entry = journal.find(id, raw);
        if (entry.isEmpty()) {
            return ApiResponse.error(404, "No journaled message has id " + id);
        }
        return ApiResponse.ok(MessageJson.of(entry.get(), journal.attempts(id)));
    }

    static int limit(String s) {
        if (s == null || s.isBlank()) {
            return DEFAULT_LIMIT;
        }
        long n = Params.number(s, "limit");
        if (n < 1 || n > MAX_LIMIT) {
            throw new ApiException(400, "limit must be between 1 and " + MAX_LIMIT + ", was " + n);
        }
        return (int) n;
    }
}
