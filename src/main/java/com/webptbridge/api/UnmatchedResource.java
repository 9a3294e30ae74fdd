package com.webptbridge.api;

import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.maintenance.Reprocessor;
import com.webptbridge.store.Database;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.store.journal.UnmatchedMessages;
import io.vertx.core.http.HttpMethod;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages no interface took (on a shared port, an MSH-4/MSH-6 no interface matches): a new
 * clinic that started sending shows here. Admin only and engine-wide, as they belong to no interface
 * yet: the list shows header fields only, the raw text is an audited read, and assigning one to an
 * interface moves it there once and reprocesses it through that interface's own reprocess.
 */
final class UnmatchedResource {

    static final ApiPath UNMATCHED = ApiPath.of("api", "unmatched");

    private final Database db;
    private final InterfaceRegistry interfaces;

    UnmatchedResource(Database db, InterfaceRegistry interfaces) {
        this.db = db;
        this.interfaces = interfaces;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get(
                                UNMATCHED,
                                Role.ADMIN,
                                "messages no interface took, newest first (headers only)",
                                this::list)
                        .taking("facility", "from", "to", "limit", "offset")
                        .engine(),
                Endpoint.get(
                                UNMATCHED.param(MessagesResource.JOURNAL_ID),
                                Role.ADMIN,
                                "one unmatched message with its attempts (raw message on request)",
                                this::one)
                        .taking("raw")
                        .whenRaw(Role.ADMIN, Endpoint.Audit.READ_RAW)
                        .engine(),
                Endpoint.change(
                                HttpMethod.POST,
                                UNMATCHED.param(MessagesResource.JOURNAL_ID).then("assign"),
                                Role.ADMIN,
                                "assign an unmatched message to an interface: processed there once",
                                this::assign)
                        .engine());
    }

    private ApiResponse list(Call call) throws SQLException {
        String offset = Params.blankToNull(call.query("offset"));
        long skip = offset == null ? 0 : Params.number(offset, "offset");
        if (skip < 0 || skip > 1_000_000) {
            throw new ApiException(400, "offset must be between 0 and 1000000, was " + skip);
        }
        UnmatchedMessages unmatched = new UnmatchedMessages(db);
        List<UnmatchedMessages.Header> page = unmatched.search(new UnmatchedMessages.Search(
                Params.blankToNull(call.query("facility")),
                ConsoleJson.instant(call.query("from"), "from"),
                ConsoleJson.instant(call.query("to"), "to"),
                MessagesResource.limit(call.query("limit")),
                (int) skip));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", unmatched.count());
        out.put("messages", page);
        return ApiResponse.ok(out);
    }

    private ApiResponse one(Call call) throws SQLException {
        long id = Params.number(call.param(MessagesResource.JOURNAL_ID), "message id");
        Journal journal = new Journal(db, null);
        Optional<JournalEntry> entry = journal.find(id, "true".equalsIgnoreCase(call.query("raw")));
        if (entry.isEmpty()) {
            return ApiResponse.error(404, "No unmatched message has id " + id);
        }
        return ApiResponse.ok(MessageJson.of(entry.get(), journal.attempts(id)));
    }

    private ApiResponse assign(Call call) throws SQLException {
        long id = Params.number(call.param(MessagesResource.JOURNAL_ID), "message id");
        String to = call.body().text("interface");
        if (to == null) {
            throw new ApiException(
                    400,
                    "Name the interface to assign message " + id + " to, as {\"interface\": \"<id>\"}; running: "
                            + String.join(
                                    ", ",
                                    interfaces.running().stream()
                                            .map(RunningInterface::id)
                                            .toList())
                            + ".");
        }
        RunningInterface target = new InterfacesResource(interfaces).running(to);
        UnmatchedMessages.Assignment a = new UnmatchedMessages(db).assign(id, to);
        if (!a.found()) {
            return ApiResponse.error(404, "No journaled message has id " + id);
        }
        if (!a.assigned()) {
            return ApiResponse.error(
                    409,
                    "Message " + id + " is not unmatched: it is already assigned to interface " + a.interfaceId()
                            + " (see /api/interfaces/" + a.interfaceId() + "/messages/" + id
                            + "); it is not processed again.");
        }
        Reprocessor.Outcome outcome = target.maintenance()
                .reprocessor()
                .reprocess(
                        id,
                        "Assigned to interface " + to + " by " + call.operator()
                                + " from the unmatched messages, and processed there.")
                .orElseThrow(() -> new IllegalStateException("Journal entry " + id + " vanished while assigned"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("assigned", to);
        out.put("reprocessed", outcome);
        return ApiResponse.ok(out);
    }
}
