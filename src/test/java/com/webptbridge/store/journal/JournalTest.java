package com.webptbridge.store.journal;

import com.webptbridge.store.Database;
import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {

    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    private Database db;
    private Journal journal;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 4);
        journal = new Journal(db, "default");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReceivedMessageIsFoundAsReceivedAndItsRawTextOnlyWhenAskedFor() throws SQLException {
        long id = journal.receive(receipt("CTRL1", "ADT"));

        JournalEntry entry = journal.find(id, false).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(entry.receivedAt()).isEqualTo(NOW);
        assertThat(entry.controlId()).isEqualTo("CTRL1");
        assertThat(entry.sendingFacility()).isEqualTo("CLINIC");
        assertThat(entry.messageType()).isEqualTo("ADT");
        assertThat(entry.attempts()).isZero();
        assertThat(entry.errors()).isEmpty();
        assertThat(entry.notes()).isEmpty();
        assertThat(entry.duplicateOf()).isNull();
        assertThat(entry.completedAt()).isNull();
        assertThat(entry.rawMessage()).isNull();
        assertThat(journal.find(id, true).orElseThrow().rawMessage()).isEqualTo("MSH|^~\\&|CTRL1");
        assertThat(journal.find(id + 1000, false)).isEmpty();
        assertThat(journal.attempts(id)).isEmpty();
    }

    @Test
    void completingRecordsTheOutcomeTheErrorsInOrderAndTheAttempt() throws SQLException {
        long id = journal.receive(receipt("CTRL1", "DFT"));
        journal.complete(
                id,
                new Completion(
                        MessageStatus.ERROR,
                        "AE",
                        "MSA|AE",
                        "P100",
                        List.of("first", "second"),
                        List.of(error(204, "payer", "1042"), error(103, null, null)),
                        null));

        JournalEntry entry = journal.find(id, false).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.ERROR);
        assertThat(entry.ackCode()).isEqualTo("AE");
        assertThat(entry.ackMessage()).isEqualTo("MSA|AE");
        assertThat(entry.patientId()).isEqualTo("P100");
        assertThat(entry.notes()).containsExactly("first", "second");
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.completedAt()).isNotNull();
        assertThat(entry.errors()).containsExactly(error(204, "payer", "1042"), error(103, null, null));
        assertThat(journal.attempts(id)).singleElement().satisfies(a -> {
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.status()).isEqualTo("ERROR");
            assertThat(a.ackCode()).isEqualTo("AE");
            assertThat(a.ack()).isEqualTo("MSA|AE");
        });
    }

    @Test
    void aReprocessedMessageShowsOnlyItsLatestAttemptsErrorsAndKeepsItsPatient() throws SQLException {
        long id = journal.receive(receipt("CTRL1", "DFT"));
        journal.complete(
                id,
                new Completion(
                        MessageStatus.ERROR,
                        "AE",
                        "ack1",
                        "P100",
                        List.of(),
                        List.of(error(204, "payer", "1042"), error(204, "facility", "7")),
                        null));
        journal.complete(
                id,
                new Completion(
                        MessageStatus.ERROR,
                        "AE",
                        "ack2",
                        null,
                        List.of(),
                        List.of(error(205, "procedure", "97110")),
                        null));

        JournalEntry entry = journal.find(id, false).orElseThrow();
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.patientId()).isEqualTo("P100"); // a null patient ID leaves the known one alone
        assertThat(entry.errors()).containsExactly(error(205, "procedure", "97110"));
        assertThat(journal.list(null, null, null, 10)).singleElement().satisfies(e -> assertThat(e.errors())
                .containsExactly(error(205, "procedure", "97110")));
        assertThat(journal.attempts(id)).hasSize(2);
        assertThat(journal.attempts(id).get(1).attempt()).isEqualTo(2);

        journal.complete(id, new Completion(MessageStatus.PROCESSED, "AA", "ack3", null, List.of(), List.of(), null));
        assertThat(journal.find(id, false).orElseThrow().errors()).isEmpty();
        // The NAK WebPT got first is kept in the attempt history; only the entry shows the latest ACK.
        assertThat(journal.find(id, false).orElseThrow().ackMessage()).isEqualTo("ack3");
        assertThat(journal.attempts(id)).extracting(Journal.Attempt::ack).containsExactly("ack1", "ack2", "ack3");
        assertThat(journal.attempts(id)).extracting(Journal.Attempt::ackCode).containsExactly("AE", "AE", "AA");
    }

    @Test
    void listGivesEachEntryItsOwnErrorsNewestFirst() throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long id = journal.receive(receipt("CTRL" + i, i % 2 == 0 ? "DFT" : "ADT"));
            ids.add(id);
            List<MessageError> errors = new ArrayList<>();
            for (int e = 0; e < i % 3; e++) { // 0, 1 or 2 errors
                errors.add(error(200 + i, "payer", id + "-" + e));
            }
            journal.complete(
                    id,
                    new Completion(
                            errors.isEmpty() ? MessageStatus.PROCESSED : MessageStatus.ERROR,
                            errors.isEmpty() ? "AA" : "AE",
                            "ack",
                            "P" + (i % 2),
                            List.of(),
                            errors,
                            null));
        }

        List<Long> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        List<JournalEntry> all = journal.list(null, null, null, 100);
        assertThat(all).extracting(JournalEntry::id).containsExactlyElementsOf(newestFirst);
        for (JournalEntry e : all) {
            int i = ids.indexOf(e.id());
            List<MessageError> expected = new ArrayList<>();
            for (int k = 0; k < i % 3; k++) {
                expected.add(error(200 + i, "payer", e.id() + "-" + k));
            }
            assertThat(e.errors()).as("errors of entry %d", i).containsExactlyElementsOf(expected);
            assertThat(e).isEqualTo(journal.find(e.id(), false).orElseThrow());
        }

        assertThat(journal.list(null, null, null, 2))
                .extracting(JournalEntry::id)
                .containsExactly(ids.get(5), ids.get(4));
        assertThat(journal.list(MessageStatus.ERROR, null, null, 100))
                .extracting(JournalEntry::id)
                .containsExactly(ids.get(5), ids.get(4), ids.get(2), ids.get(1));
        assertThat(journal.list(null, "DFT", "P0", 100))
                .extracting(JournalEntry::id)
                .containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(journal.list(null, null, "nobody", 100)).isEmpty();
    }

    @Test
    void theAppliedEntryIsFoundBySenderControlIdAndContentAndCanBeClaimedOnlyOnce() throws SQLException {
        long id = journal.receive(receipt("CTRL1", "ADT"));
        Journal.AppliedKey key = new Journal.AppliedKey("WEBPT", "CLINIC", "CTRL1", "digest-1");
        db.inTransaction(c -> {
            journal.claim(c, key, id);
            return null;
        });

        db.inTransaction(c -> {
            assertThat(journal.findApplied(c, key)).map(JournalEntry::id).contains(id);
            assertThat(journal.findApplied(c, new Journal.AppliedKey("WEBPT", "CLINIC", "OTHER", "digest-1")))
                    .isEmpty();
            Journal.AppliedKey otherContent = new Journal.AppliedKey("WEBPT", "CLINIC", "CTRL1", "digest-2");
            assertThat(journal.findApplied(c, otherContent))
                    .as("a reused control ID is not a resend")
                    .isEmpty();
            assertThat(journal.appliedWithOtherContent(c, otherContent)).containsExactly(id);
            assertThat(journal.findApplied(c, new Journal.AppliedKey("OTHERAPP", "CLINIC", "CTRL1", "digest-1")))
                    .as("another sending application")
                    .isEmpty();
            return null;
        });
        assertThatThrownBy(() -> db.inTransaction(c -> {
                    journal.claim(c, key, id);
                    return null;
                }))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(Database.isUniqueViolation(e))
                        .isTrue());
    }

    @Test
    void reprocessTakesTheErrorsThatWaitForAKeyOldestFirst() throws SQLException {
        long waiting1 = journal.receive(receipt("A", "DFT"));
        long other = journal.receive(receipt("B", "DFT"));
        long waiting2 = journal.receive(receipt("C", "DFT"));
        for (long id : List.of(waiting1, waiting2)) {
            journal.complete(
                    id,
                    new Completion(
                            MessageStatus.ERROR,
                            "AE",
                            "ack",
                            null,
                            List.of(),
                            List.of(error(204, "payer", "1042"), error(204, "facility", "7")),
                            null));
        }
        journal.complete(
                other,
                new Completion(
                        MessageStatus.ERROR, "AE", "ack", null, List.of(), List.of(error(204, "payer", "9")), null));

        assertThat(journal.idsToReprocess(ReprocessFilter.waitingFor("payer", "1042")))
                .containsExactly(waiting1, waiting2);
        assertThat(journal.idsToReprocess(
                        new ReprocessFilter(Set.of(MessageStatus.ERROR), 204, null, null, null, null, 2)))
                .containsExactly(waiting1, other);
    }

    private static Receipt receipt(String controlId, String type) {
        return new Receipt(
                NOW,
                "127.0.0.1:5000",
                "WEBPT",
                "CLINIC",
                controlId,
                type,
                "A04",
                "2.5",
                "UTF-8",
                20,
                "MSH|^~\\&|" + controlId,
                "digest-" + controlId);
    }

    private static MessageError error(int code, String kind, String key) {
        return new MessageError(code, "REASON_" + code, "PID-3", "text of " + code + " " + key, kind, key);
    }
}
