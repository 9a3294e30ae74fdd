package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest {

    private final RouteBeans beans = new RouteBeans();
    private final Failure failure = new Failure(beans.commit);

    @AfterEach
    void close() {
        beans.close();
    }

    /** The route's failure handler as Camel calls it, the step having thrown {@code e}. */
    private InFlight failedWith(Throwable e, String patientName) throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A08").controlId("C-1").field("PID", 5, patientName));
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e);
        failure.answer(m, exchange);
        return m;
    }

    @Test
    void theDatabaseFailingIsStoreUnavailableAr207SoTheSenderSendsAgain() throws SQLException {
        InFlight m = failedWith(new SQLTransientConnectionException("pool exhausted"), "Doe^Jane");

        assertThat(m.reply().code()).isEqualTo(AcknowledgmentCode.AR);
        assertThat(m.reply().problems()).extracting(p -> p.reason()).containsExactly(NakReason.STORE_UNAVAILABLE);
        assertThat(beans.entry(m).status()).isEqualTo(MessageStatus.REJECTED);
    }

    @Test
    void aBugIsInternalErrorAe207KeptForReprocessingAndLoggedWithoutTheExceptionsMessage() throws SQLException {
        try (LogCapture logs = new LogCapture()) {
            InFlight m = failedWith(new IllegalArgumentException("bad value Zyxwvut"), "Zyxwvut^Jane");

            assertThat(m.reply().code()).isEqualTo(AcknowledgmentCode.AE);
            assertThat(m.reply().problems()).extracting(p -> p.reason()).containsExactly(NakReason.INTERNAL_ERROR);
            assertThat(beans.entry(m).status()).isEqualTo(MessageStatus.ERROR);
            assertThat(logs.text())
                    .contains("internal error java.lang.IllegalArgumentException")
                    .doesNotContain("Zyxwvut");
        }
    }

    @Test
    void aValueTheDatabaseRefusesIsTheInterfacesBugNotAnOutage() throws SQLException {
        InFlight m = failedWith(new SQLException("value too long", "22001"), "Doe^Jane");

        assertThat(m.reply().problems()).extracting(p -> p.reason()).containsExactly(NakReason.INTERNAL_ERROR);
        assertThat(beans.entry(m).status()).isEqualTo(MessageStatus.ERROR);
    }

    @Test
    void whenTheJournalCannotBeWrittenEitherTheFailureIsStillAnswered() throws SQLException {
        InFlight m = beans.checked(Hl7Builder.adt("A08").controlId("C-4"));
        beans.db.close();
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new SQLException("connection lost", "08006"));

        failure.answer(m, exchange);

        assertThat(m.reply().code()).isEqualTo(AcknowledgmentCode.AR);
        assertThat(m.reply().ackMessage()).contains("MSA|AR|C-4");
        assertThat(beans.heard.recorded).containsExactly("default ADT^A08 NOT_JOURNALED AR");
    }
}
