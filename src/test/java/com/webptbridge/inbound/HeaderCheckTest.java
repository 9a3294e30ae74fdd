package com.webptbridge.inbound;

import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.support.Hl7Builder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCheckTest {

    private final RouteBeans beans = new RouteBeans();

    @AfterEach
    void close() {
        beans.close();
    }

    @Test
    void anAcceptedHeaderLeavesTheMessageOpenForTheParse() throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A04"));

        assertThat(m.problems).isEmpty();
        assertThat(m.duplicateOf).isNull();
        assertThat(m.isOpen()).isTrue();
    }

    @Test
    void aVersionNotTakenIsRefusedAtMsh12() throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A04").version("2.9"));

        assertThat(m.problems).extracting(Problem::reason).containsExactly(NakReason.UNSUPPORTED_VERSION);
        assertThat(m.problems.get(0).location().display()).isEqualTo("MSH-12");
        assertThat(m.isOpen()).isFalse();
    }

    @Test
    void anEventTheRouteDoesNotMapIsRefused() throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A01"));

        assertThat(m.problems).isNotEmpty();
        assertThat(m.problems.get(0).location().display()).startsWith("MSH-9");
    }

    @Test
    void aMessagePastALimitIsRefusedBeforeTheParseNamingTheLimit() throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A08").field("PID", 5, "x".repeat(10_001)));

        assertThat(m.problems).singleElement().satisfies(p -> {
            assertThat(p.location().display()).isEqualTo("PID-5");
            assertThat(p.sentence()).contains("bridge.hl7.max-field-length");
        });
    }

    @Test
    void anUnreadableMessageKeepsTheProblemItWasReadWith() throws SQLException {
        InFlight m = beans.receive("this is not HL7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        beans.headerCheck.check(m);

        assertThat(m.message().readable()).isFalse();
        assertThat(m.problems).containsExactly(m.message().problem());
    }

    @Test
    void aResendOfAnAppliedMessageIsMarkedADuplicateOfIt() throws SQLException {
        List<String> applications = new ArrayList<>();
        InFlight first = beans.applied(Hl7Builder.adt("A08").controlId("SAME"), applications);

        InFlight resend = beans.checked(Hl7Builder.adt("A08").controlId("SAME"));

        assertThat(resend.duplicateOf).isNotNull();
        assertThat(resend.duplicateOf.id()).isEqualTo(first.journalId());
        assertThat(resend.isOpen()).isFalse();
        assertThat(applications).hasSize(1);
    }

    @Test
    void aControlIdReusedWithOtherContentIsProcessedAsNewWithANote() throws SQLException {
        InFlight first = beans.applied(Hl7Builder.adt("A08").controlId("REUSED"), new ArrayList<>());

        InFlight other = beans.checked(Hl7Builder.adt("A08").controlId("REUSED").patient("P2"));

        assertThat(other.duplicateOf).isNull();
        assertThat(other.isOpen()).isTrue();
        assertThat(other.notes)
                .containsExactly("Control ID reused: journal entry [" + first.journalId()
                        + "] from the same sender had this control ID with different content; processed as a new"
                        + " message.");
    }

    @Test
    void aMessageNotJournaledIsLeftForTheCommitToAnswer() throws SQLException {
        beans.db.close();

        InFlight m = beans.checked(Hl7Builder.adt("A04").version("2.9"));

        assertThat(m.problems)
                .as("not checked: the commit answers 'send it again later'")
                .isEmpty();
    }
}
