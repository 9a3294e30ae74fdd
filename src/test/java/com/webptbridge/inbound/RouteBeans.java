package com.webptbridge.inbound;

import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.HeaderRules;
import com.webptbridge.hl7.MessageLimits;
import com.webptbridge.store.Database;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.TestDatabase;
import com.webptbridge.transport.InboundFrame;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route's beans as the engine wires them for one interface ("default"), on a fresh in-memory
 * database, without Camel or a socket: each unit test of a step runs the steps before it for real.
 */
final class RouteBeans implements AutoCloseable {

    static final Set<String> VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");

    final Database db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 4);
    final Journal journal = new Journal(db, "default");
    final Journal unmatched = new Journal(db, null);
    final AckBuilder acks = new AckBuilder(ZoneId.of("UTC"), VERSIONS);
    final Heard heard = new Heard();
    final Intake intake = new Intake(unmatched, StandardCharsets.UTF_8, AckMode.ORIGINAL);
    final HeaderCheck headerCheck = new HeaderCheck(
            new HeaderRules(VERSIONS, Set.of("P"), Map.of("ADT", Set.of("A04", "A08"), "DFT", Set.of("P03"))),
            new MessageLimits(500, 50, 10_000),
            db,
            journal);
    final Commit commit = new Commit(db, journal, null, acks, heard);

    RouteBeans() {
        this(AckMode.ORIGINAL);
    }

    /** @param ackMode how the "default" interface answers (like a default interface without a match, it takes every message) */
    RouteBeans(AckMode ackMode) {
        intake.add(new Intake.Target("default", h -> true, journal, ackMode));
    }

    /** The message as the listener's first step receives it from a frame. */
    InFlight receive(Hl7Builder message) {
        return receive(message.bytes());
    }

    InFlight receive(byte[] bytes) {
        return intake.receive(new InboundFrame(bytes, bytes.length, false, "127.0.0.1:5000"));
    }

    /** Intake and header check, as the route runs them before the parse. */
    InFlight checked(Hl7Builder message) throws SQLException {
        InFlight m = receive(message);
        headerCheck.check(m);
        return m;
    }

    /** Intake, header check and a change that applies nothing but counts its runs, then the commit. */
    InFlight applied(Hl7Builder message, List<String> applications) throws SQLException {
        InFlight m = checked(message);
        if (m.isOpen()) {
            m.change = new Change(c -> {
                applications.add("applied");
                return List.of("a note of the change");
            });
        }
        commit.commit(m);
        return m;
    }

    JournalEntry entry(InFlight m) throws SQLException {
        return journal.find(m.journalId(), false).orElseThrow();
    }

    @Override
    public void close() {
        db.close();
    }

    /** What the steps told the metrics: "interface type status ack" per outcome. */
    static final class Heard implements Outcomes {
        final List<String> recorded = new ArrayList<>();

        @Override
        public void recorded(String interfaceId, String type, String status, String ack) {
            recorded.add(interfaceId + " " + type + " " + status + " " + ack);
        }
    }
}
