package com.webptbridge.store.journal;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages in ERROR grouped by what they wait for (a payer, a code, ...), wherever in the message
 * the key sits, and, for the rest, by error code and field (the location without repetition
 * indexes: FT1[2]-2 and FT1-2 are one field, PID-3 another): what the analyst has to add or fix,
 * not a pile of NAKs. Only each message's latest
 * attempt counts, and a message WebPT sent again (same sending facility, control ID and content,
 * journaled twice) counts once; another message that reuses the control ID counts on its own. Each group names its messages as WebPT knows them: control IDs and patient IDs.
 */
public final class Worklist {

    /** Journal ids listed per group: enough to open a few, not a dump of a large backlog. */
    private static final int IDS_PER_GROUP = 100;

    private final Database db;
    private final String interfaceId;

    public Worklist(Database db, String interfaceId) {
        this.db = db;
        this.interfaceId = interfaceId;
    }

    /** One line of the worklist: messages sharing a waiting key (or an error code when kind is null). */
    public record Group(
            String waitingKind,
            String waitingKey,
            int hl7Code,
            String reason,
            String location,
            String detail,
            int messages,
            int patients,
            Instant oldest,
            List<Long> journalIds,
            List<String> controlIds,
            List<String> patientIds) {}

    /**
     * A message counted once however often it was sent: its sender, control ID and content (its
     * journal id without a control ID). Two messages that reuse a control ID are two.
     */
    /** The error's field: its location without the segment's repetition index ({@code FT1[2]-2} is {@code FT1-2}). */
    private static final String FIELD = "REGEXP_REPLACE(COALESCE(e.location, ''), '\\[[0-9]+\\]', '')";

    private static final String MESSAGE = "COALESCE(j.sending_facility, '') || '|' || COALESCE(j.control_id, '#'"
            + " || CAST(j.id AS VARCHAR(20))) || '|' || COALESCE(j.content_digest, '')";

    public List<Group> groups() throws SQLException {
        String from = " FROM message_journal j JOIN message_error e ON e.journal_id = j.id AND e.attempt = j.attempts"
                + " WHERE j.status = 'ERROR' AND j.interface_id = ?";
        try (Connection c = db.connection()) {
            Map<GroupKey, Members> ids = members(c, from, interfaceId);
            List<Group> out = new ArrayList<>(Sql.list(
                    c,
                    "SELECT e.waiting_kind, e.waiting_key, MIN(e.hl7_code),"
                            + " MIN(e.reason), MIN(" + FIELD + "), COUNT(DISTINCT " + MESSAGE + "),"
                            + " COUNT(DISTINCT j.patient_id), MIN(j.received_at), MIN(e.text)"
                            + from
                            + " AND e.waiting_kind IS NOT NULL GROUP BY e.waiting_kind, e.waiting_key ORDER BY MIN(j.received_at)",
                    rs -> group(rs, rs.getString(1), rs.getString(2), ids),
                    interfaceId));
            out.addAll(Sql.list(
                    c,
                    "SELECT NULL, NULL, e.hl7_code, e.reason, " + FIELD + ", COUNT(DISTINCT " + MESSAGE + "),"
                            + " COUNT(DISTINCT j.patient_id), MIN(j.received_at), MIN(e.text)" + from
                            + " AND e.waiting_kind IS NULL GROUP BY e.hl7_code, e.reason, " + FIELD
                            + " ORDER BY MIN(j.received_at), " + FIELD,
                    rs -> group(rs, null, null, ids),
                    interfaceId));
            return out;
        }
    }

    /**
     * What a message is grouped by: its waiting kind and key, or its error code, reason and field
     * when it waits for nothing.
     */
    private record GroupKey(String kind, String key, Integer code, String reason, String field) {
        static GroupKey of(String kind, String key, int code, String reason, String field) {
            return kind != null
                    ? new GroupKey(kind, key, null, null, null)
                    : new GroupKey(null, null, code, reason, field);
        }
    }

    /** A group's messages: journal ids, control IDs and patient IDs, each distinct and in arrival order. */
    private record Members(Set<Long> ids, Set<String> controlIds, Set<String> patientIds) {
        Members() {
            this(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        }

        void add(IdRow row) {
            if (ids.size() < IDS_PER_GROUP) {
                ids.add(row.journalId());
            }
            if (row.controlId() != null && controlIds.size() < IDS_PER_GROUP) {
                controlIds.add(row.controlId());
            }
            if (row.patientId() != null && patientIds.size() < IDS_PER_GROUP) {
                patientIds.add(row.patientId());
            }
        }
    }

    /**
     * Every group's members, lowest journal id first and at most {@value #IDS_PER_GROUP} of each a
     * group, in one query for all groups rather than one per group.
     */
    private static Map<GroupKey, Members> members(Connection c, String from, String interfaceId) throws SQLException {
        Map<GroupKey, Members> out = new HashMap<>();
        for (IdRow row : Sql.list(
                c,
                "SELECT DISTINCT j.id, e.waiting_kind, e.waiting_key, e.hl7_code, e.reason, j.control_id,"
                        + " j.patient_id, " + FIELD + from + " ORDER BY j.id",
                IdRow::of,
                interfaceId)) {
            // A waiting kind without a key is counted in its group but matches no id (SQL's NULL = NULL).
            if (row.key().kind() != null && row.key().key() == null) {
                continue;
            }
            out.computeIfAbsent(row.key(), k -> new Members()).add(row);
        }
        return out;
    }

    private record IdRow(long journalId, GroupKey key, String controlId, String patientId) {
        static IdRow of(ResultSet rs) throws SQLException {
            return new IdRow(
                    rs.getLong(1),
                    GroupKey.of(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(8)),
                    rs.getString(6),
                    rs.getString(7));
        }
    }

    private static Group group(ResultSet rs, String kind, String key, Map<GroupKey, Members> members)
            throws SQLException {
        int code = rs.getInt(3);
        String reason = rs.getString(4);
        OffsetDateTime oldest = rs.getObject(8, OffsetDateTime.class);
        Members m = members.getOrDefault(GroupKey.of(kind, key, code, reason, rs.getString(5)), new Members());
        return new Group(
                kind,
                key,
                code,
                reason,
                rs.getString(5),
                rs.getString(9),
                rs.getInt(6),
                rs.getInt(7),
                oldest == null ? null : oldest.toInstant(),
                List.copyOf(m.ids()),
                List.copyOf(m.controlIds()),
                List.copyOf(m.patientIds()));
    }
}
