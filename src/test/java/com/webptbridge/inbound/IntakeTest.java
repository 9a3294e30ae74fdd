package com.webptbridge.inbound;

import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.transport.InboundFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeTest {

    private final RouteBeans beans = new RouteBeans();

    @AfterEach
    void close() {
        beans.close();
    }

    @Test
    void aMessageIsJournaledReceivedUnderTheInterfaceThatTakesItsFacilities() throws SQLException {
        InFlight m = beans.receive(Hl7Builder.adt("A08").controlId("C-1").facility("NORTH"));

        assertThat(m.getInterfaceId()).isEqualTo("default");
        assertThat(m.isOpen()).isTrue();
        JournalEntry entry = beans.journal.find(m.journalId(), true).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(entry.controlId()).isEqualTo("C-1");
        assertThat(entry.sendingFacility()).isEqualTo("NORTH");
        assertThat(entry.messageType()).isEqualTo("ADT");
        assertThat(entry.rawMessage()).startsWith("MSH|^~\\&|WEBPT|NORTH|");
    }

    @Test
    void theFirstInterfaceThatTakesTheMessageGetsItAndARemovedOneNoLonger() {
        beans.intake.add(
                new Intake.Target("south", h -> h.component(4, 1).equals("SOUTH"), beans.unmatched, AckMode.ENHANCED));
        assertThat(beans.receive(Hl7Builder.adt("A08").facility("SOUTH")).getInterfaceId())
                .as("default is first and takes every message")
                .isEqualTo("default");

        beans.intake.remove("default");
        InFlight south = beans.receive(Hl7Builder.adt("A08").facility("SOUTH"));
        assertThat(south.getInterfaceId()).isEqualTo("south");
        assertThat(south.ackMode()).isEqualTo(AckMode.ENHANCED);
        beans.intake.remove("south");
        assertThat(beans.intake.isEmpty()).isTrue();
    }

    @Test
    void aMessageNoInterfaceTakesIsJournaledWithoutOneAndRefusedAtMsh4() throws SQLException {
        beans.intake.remove("default");
        beans.intake.add(
                new Intake.Target("south", h -> h.component(4, 1).equals("SOUTH"), beans.journal, AckMode.ORIGINAL));

        InFlight m = beans.receive(Hl7Builder.adt("A08").facility("EAST").field("MSH", 6, "LAB"));

        assertThat(m.getInterfaceId()).isNull();
        assertThat(beans.unmatched.find(m.journalId(), false).orElseThrow().status())
                .isEqualTo(MessageStatus.RECEIVED);
        assertThat(m.problems).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(NakReason.NO_INTERFACE);
            assertThat(p.location().display()).isEqualTo("MSH-4");
            assertThat(p.sentence()).contains("'EAST' (MSH-4)").contains("'LAB' (MSH-6)");
        });
    }

    @Test
    void anOversizeFrameIsJournaledWithoutItsTextAndRefusedSayingWhichLimit() throws SQLException {
        byte[] head = Hl7Builder.adt("A08").controlId("BIG").bytes();
        InFlight m = beans.intake.receive(new InboundFrame(head, 9_000_000, true, "127.0.0.1:5000"));

        JournalEntry entry = beans.journal.find(m.journalId(), true).orElseThrow();
        assertThat(entry.controlId()).isEqualTo("BIG");
        assertThat(entry.rawMessage()).isNull();
        assertThat(m.message().readable()).as("the header check refuses it").isFalse();
        Problem p = m.message().problem();
        assertThat(p.reason()).isEqualTo(NakReason.FRAME_TOO_LARGE);
        assertThat(p.sentence())
                .isEqualTo("The message is 9000000 bytes, more than this interface accepts"
                        + " (bridge.mllp.max-frame-bytes): it was journaled without its text and not"
                        + " applied. Split it, or ask the interface analyst to raise the limit.");
    }

    @Test
    void whenTheJournalCannotBeWrittenTheMessageHasNoJournalIdSoItIsNeverAccepted() {
        beans.db.close();

        InFlight m = beans.receive(Hl7Builder.adt("A08").controlId("C-2"));

        assertThat(m.journalId()).isNull();
        assertThat(m.isOpen()).isFalse();
        assertThat(m.header().controlId()).isEqualTo("C-2");
    }
}
