package com.webptbridge.store.journal;

import com.webptbridge.hl7.MessageHeader;
import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages no interface took (journaled with no interface, answered AR): their headers for the
 * admin's view, how many there are, and their assignment to an interface. An assignment moves the
 * journal entry into that interface's journal, once: the move is one conditional UPDATE, so of two
 * assignments of one message only the first takes it, and the interface's reprocess (with its
 * duplicate guard) does the rest.
 */
public final class UnmatchedMessages {

    /** The start of the stored text read for MSH-5 and MSH-6 (no column keeps them): the MSH segment, never the rest. */
    private static final int HEADER_CHARS = 2000;

    private final Database db;

    public UnmatchedMessages(Database db) {
        this.db = db;
    }

    /**
     * An unmatched message as the admin sees it: header fields only (MSH-3 to MSH-6, MSH-9, MSH-10),
     * never patient data. {@code receivingApplication} and {@code receivingFacility} are null when
     * the text was not stored (too large, or pruned).
     */
    public record Header(
            long id,
            Instant receivedAt,
            String remoteAddress,
            String sendingApplication,
            String sendingFacility,
            String receivingApplication,
            String receivingFacility,
            String messageType,
            String triggerEvent,
            String controlId,
            String status) {}

    /** What the list is filtered by; null means any. {@code from}/{@code to}: the receipt time. */
    public record Search(String sendingFacility, Instant from, Instant to, int limit, int offset) {}

    /** How an assignment ended: done, no such message, or the interface whose journal already holds it. */
    public record Assignment(boolean assigned, boolean found, String interfaceId) {}

    /** Newest first. */
    public List<Header> search(Search s) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, received_at, remote_address, sending_application,"
                + " sending_facility, message_type, trigger_event, control_id, status, SUBSTRING(raw_message FROM 1"
                + " FOR " + HEADER_CHARS + ") AS head FROM message_journal WHERE interface_id IS NULL");
        List<Object> args = new ArrayList<>();
        if (s.sendingFacility() != null) {
            sql.append(" AND sending_facility = ?");
            args.add(s.sendingFacility());
        }
        if (s.from() != null) {
            sql.append(" AND received_at >= ?");
            args.add(OffsetDateTime.ofInstant(s.from(), ZoneOffset.UTC));
        }
        if (s.to() != null) {
            sql.append(" AND received_at < ?");
            args.add(OffsetDateTime.ofInstant(s.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id DESC");
        if (s.offset() > 0) {
            sql.append(" OFFSET ").append(s.offset()).append(" ROWS");
        }
        if (s.limit() == 0) {
            return List.of();
        }
        try (Connection c = db.connection()) {
            return Sql.list(
                    c,
                    sql.toString(),
                    s.limit(),
                    rs -> {
                        String head = rs.getString("head");
                        MessageHeader h = head == null ? null : MessageHeader.read(head);
                        return new Header(
                                rs.getLong("id"),
                                JournalRows.instant(rs, "received_at"),
                                rs.getString("remote_address"),
                                rs.getString("sending_application"),
                                rs.getString("sending_facility"),
                                h == null ? null : h.receivingApplication(),
                                h == null ? null : h.receivingFacility(),
                                rs.getString("message_type"),
                                rs.getString("trigger_event"),
                                rs.getString("control_id"),
                                rs.getString("status"));
                    },
                    args);
        }
    }

    /** How many messages wait unassigned (the console's count and bridge_unmatched_messages). */
    public long count() throws SQLException {
        try (Connection c = db.connection()) {
            return Sql.one(c, "SELECT COUNT(*) FROM message_journal WHERE interface_id IS NULL", rs -> rs.getLong(1))
                    .orElse(0L);
        }
    }

    /**
     * Moves an unmatched message into {@code interfaceId}'s journal, if it is still unmatched. The
     * caller then reprocesses it there; its earlier attempt (the AR) stays in its history.
     */
    public Assignment assign(long id, String interfaceId) throws SQLException {
        int moved = db.writeDurably(c -> Sql.update(
                c,
                "UPDATE message_journal SET interface_id = ? WHERE id = ? AND interface_id IS NULL",
                interfaceId,
                id));
        if (moved == 1) {
            return new Assignment(true, true, interfaceId);
        }
        try (Connection c = db.connection()) {
            Optional<String> holder = Sql.one(
                    c,
                    "SELECT COALESCE(interface_id, '') FROM message_journal WHERE id = ?",
                    rs -> rs.getString(1),
                    id);
            return new Assignment(
                    false, holder.isPresent(), holder.filter(s -> !s.isEmpty()).orElse(null));
        }
    }
}
