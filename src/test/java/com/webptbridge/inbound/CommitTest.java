package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.store.journal.MessageError;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.support.Hl7Builder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitTest {

    private final RouteBeans beans = new RouteBeans();

    @AfterEach
    void close() {
        beans.close();
    }

    @Test
    void aMappedChangeIsAppliedOnceAndRecordedProcessedWithItsAa() throws SQLException {
        List<String> applications = new ArrayList<>();
        InFlight m = beans.applied(Hl7Builder.adt("A08").controlId("C-1"), applications);

        assertThat(applications).containsExactly("applied");
        assertThat(m.reply().code()).isEqualTo(AcknowledgmentCode.AA);
        assertThat(m.reply().ackControlId()).isEqualTo("B" + m.journalId());
        JournalEntry entry = beans.entry(m);
        assertThat(entry.status()).isEqualTo(MessageStatus.PROCESSED);
        assertThat(entry.ackCode()).isEqualTo("AA");
        assertThat(entry.ackMessage()).isEqualTo(m.reply().ackMessage()).contains("MSA|AA|C-1");
        assertThat(entry.notes()).containsExactly("a note of the change");
        assertThat(beans.heard.recorded).containsExactly("default ADT^A08 PROCESSED AA");
    }

    @Test
    void aMessageWithAnErrorIsRecordedErrorWithAnAeThatNamesTheField() throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A08").controlId("C-2"));
        m.problems.add(
                new Problem(NakReason.REQUIRED_FIELD_MISSING, ErrorLocation.field("PID", 1, 3), "PID-3 is empty."));

        beans.commit.commit(m);

        assertThat(m.reply().code()).isEqualTo(AcknowledgmentCode.AE);
        assertThat(m.reply().ackMessage()).contains("MSA|AE|C-2").contains("ERR|");
        JournalEntry entry = beans.entry(m);
        assertThat(entry.status()).isEqualTo(MessageStatus.ERROR);
        assertThat(entry.errors())
                .extracting(MessageError::hl7Code, MessageError::location, MessageError::text)
                .singleElement()
                .satisfies(t -> assertThat(t.toList()).containsExactly(101, "PID-3", "PID-3 is empty."));
        assertThat(beans.heard.recorded).containsExactly("default ADT^A08 ERROR AE");
    }

    @Test
    void aRefusedHeaderIsRecordedRejectedWithAnAr() throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A08").version("2.9"));

        beans.commit.commit(m);

        assertThat(m.reply().code()).isEqualTo(AcknowledgmentCode.AR);
        assertThat(beans.entry(m).status()).isEqualTo(MessageStatus.REJECTED);
    }

    @Test
    void aResendIsRecordedDuplicateAndGetsTheOriginalAckWithoutApplyingAgain() throws SQLException {
        List<String> applications = new ArrayList<>();
        InFlight first = beans.applied(Hl7Builder.adt("A08").controlId("SAME"), applications);

        InFlight resend = beans.applied(Hl7Builder.adt("A08").controlId("SAME"), applications);

        assertThat(applications).hasSize(1);
        assertThat(resend.reply().ackMessage()).isEqualTo(first.reply().ackMessage());
        JournalEntry entry = beans.entry(resend);
        assertThat(entry.status()).isEqualTo(MessageStatus.DUPLICATE);
        assertThat(entry.duplicateOf()).isEqualTo(first.journalId());
    }

    @Test
    void aRaceLostToTheSameMessageOnAnotherConnectionBecomesADuplicateNotASecondPosting() throws SQLException {
        List<String> applications = new ArrayList<>();
        // Both passed the header check before either was committed: the claim decides.
        InFlight one = beans.checked(Hl7Builder.adt("A08").controlId("RACE"));
        InFlight two = beans.checked(Hl7Builder.adt("A08").controlId("RACE"));
        for (InFlight m : List.of(one, two)) {
            m.change = new Change(c -> {
                applications.add("applied");
                return List.of();
            });
            beans.commit.commit(m);
        }

        assertThat(applications)
                .as("the claim comes first: the loser applies nothing")
                .hasSize(1);
        assertThat(beans.entry(one).status()).isEqualTo(MessageStatus.PROCESSED);
        assertThat(beans.entry(two).status()).isEqualTo(MessageStatus.DUPLICATE);
        assertThat(beans.entry(two).duplicateOf()).isEqualTo(one.journalId());
        assertThat(two.reply().ackMessage()).isEqualTo(one.reply().ackMessage());
    }

    @Test
    void aMessageNotJournaledIsAnsweredArStoreUnavailableAndCountedAsNotJournaled() throws SQLException {
        beans.db.close();
        InFlight m = beans.checked(Hl7Builder.adt("A08").controlId("C-3"));

        beans.commit.commit(m);

        assertThat(m.reply().code()).isEqualTo(AcknowledgmentCode.AR);
        assertThat(m.reply().problems()).extracting(p -> p.reason()).containsExactly(NakReason.STORE_UNAVAILABLE);
        assertThat(m.reply().ackMessage()).contains("MSA|AR|C-3");
        assertThat(beans.heard.recorded).containsExactly("default ADT^A08 NOT_JOURNALED AR");
    }

    @Test
    void anOpenMessageThatNoStepMappedIsABugNotAnAnswer() throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A08"));

        assertThatThrownBy(() -> beans.commit.commit(m))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADT^A08");
    }
}
