package com.webptbridge.store.journal;

import com.webptbridge.store.Database;
import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorklistTest {

    private Database db;
    private Journal journal;
    private long received;

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
    void eachGroupListsItsOwnMessagesByWhatTheyWaitForThenByErrorCode() throws SQLException {
        long a = error("A", "P1", waiting("payer", "1042"));
        long b = error("B", "P2", waiting("facility", "7"), waiting("payer", "1042"));
        long c = error("C", "P2", plain(101, "REQUIRED_FIELD_MISSING"));
        long d = error("D", "P3", plain(101, "REQUIRED_FIELD_MISSING"), plain(102, "DATA_TYPE_ERROR"));
        long fixed = error("E", "P4", waiting("payer", "1042"));
        journal.complete(fixed, new Completion(MessageStatus.PROCESSED, "AA", "ack", null, List.of(), List.of(), null));

        List<Worklist.Group> groups = new Worklist(db, "default").groups();

        assertThat(groups)
                .extracting(g -> g.waitingKind() + ":" + g.waitingKey() + ":" + g.hl7Code())
                .containsExactly("payer:1042:204", "facility:7:204", "null:null:101", "null:null:102");
        Worklist.Group payer = groups.get(0);
        assertThat(payer.journalIds()).containsExactly(a, b);
        assertThat(payer.messages()).isEqualTo(2);
        assertThat(payer.patients()).isEqualTo(2);
        assertThat(groups.get(1).journalIds()).containsExactly(b);
        assertThat(groups.get(2).journalIds()).containsExactly(c, d);
        assertThat(groups.get(2).reason()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(groups.get(3).journalIds()).containsExactly(d);
    }

    @Test
    void aGroupListsItsFirstHundredMessages() throws SQLException {
        long first = 0;
        for (int i = 0; i < 105; i++) {
            long id = error("M" + i, "P" + i, waiting("payer", "1042"));
            first = i == 0 ? id : first;
        }
        Worklist.Group group = new Worklist(db, "default").groups().get(0);
        assertThat(group.messages()).isEqualTo(105);
        assertThat(group.journalIds()).hasSize(100).startsWith(first).isSorted();
    }

    @Test
    void aResendCountsOnceAndAReusedControlIdWithOtherContentCountsAsAMessageOfItsOwn() throws SQLException {
        long first = error("R1", "P1", "content-1", waiting("payer", "1042"));
        long resend = error("R1", "P1", "content-1", waiting("payer", "1042"));
        long reused = error("R1", "P2", "content-2", waiting("payer", "1042"));

        Worklist.Group payer = new Worklist(db, "default").groups().get(0);

        assertThat(payer.messages()).isEqualTo(2);
        assertThat(payer.journalIds()).containsExactly(first, resend, reused);
        assertThat(payer.controlIds()).containsExactly("R1");
    }

    @Test
    void errorsNoRecordFixesAreGroupedByCodeAndFieldAndAKeyIsOneLineWhereverItSits() throws SQLException {
        long adt = error("A1", "P1", at(101, "REQUIRED_FIELD_MISSING", "PID-3"));
        long dft1 = error("D1", "P2", at(101, "REQUIRED_FIELD_MISSING", "FT1-2"));
        long dft2 = error(
                "D2",
                "P3",
                at(101, "REQUIRED_FIELD_MISSING", "FT1[2]-2"),
                at(101, "REQUIRED_FIELD_MISSING", "FT1[3]-2"));
        long dob = error("A2", "P4", at(101, "REQUIRED_FIELD_MISSING", "PID-7"));
        long code1 = error("D3", "P5", keyAt("procedure-code", "97999", "FT1-25"));
        long code2 = error("D4", "P6", keyAt("procedure-code", "97999", "FT1[3]-25"));

        List<Worklist.Group> groups = new Worklist(db, "default").groups();

        assertThat(groups)
                .extracting(g -> g.waitingKey() + " " + g.hl7Code() + " " + g.location() + " " + g.messages())
                .containsExactly("97999 204 FT1-25 2", "null 101 PID-3 1", "null 101 FT1-2 2", "null 101 PID-7 1");
        assertThat(groups.get(0).journalIds()).containsExactly(code1, code2);
        assertThat(groups.get(1).journalIds()).containsExactly(adt);
        assertThat(groups.get(2).journalIds()).containsExactly(dft1, dft2);
        assertThat(groups.get(3).journalIds()).containsExactly(dob);
    }

    private long error(String controlId, String patientId, MessageError... errors) throws SQLException {
        return error(controlId, patientId, "content-" + controlId, errors);
    }

    private long error(String controlId, String patientId, String digest, MessageError... errors) throws SQLException {
        // Distinct arrival times: the worklist orders groups by their oldest message.
        long id = journal.receive(new Receipt(
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(received++),
                "127.0.0.1:5000",
                "WEBPT",
                "CLINIC",
                controlId,
                "DFT",
                "P03",
                "2.5",
                "UTF-8",
                10,
                "MSH|",
                digest));
        journal.complete(
                id, new Completion(MessageStatus.ERROR, "AE", "ack", patientId, List.of(), List.of(errors), null));
        return id;
    }

    private static MessageError waiting(String kind, String key) {
        return new MessageError(204, "UNKNOWN_KEY", "FT1-7", "No " + kind + " " + key, kind, key);
    }

    private static MessageError plain(int code, String reason) {
        return new MessageError(code, reason, "PID-3", reason, null, null);
    }

    private static MessageError at(int code, String reason, String location) {
        return new MessageError(code, reason, location, reason, null, null);
    }

    private static MessageError keyAt(String kind, String key, String location) {
        return new MessageError(204, "UNKNOWN_KEY", location, "No " + kind + " " + key, kind, key);
    }
}
