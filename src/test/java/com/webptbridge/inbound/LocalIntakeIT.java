package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A message from a file goes through the interface's own journal and route, as an MLLP message does. */
class LocalIntakeIT {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private RunningInterface defaultInterface() {
        return engine.get().engine().interfaces().running().get(0);
    }

    @Test
    void aSubmittedMessageIsJournaledAppliedAndAnsweredOnceWhateverTheResends() throws Exception {
        RunningInterface face = defaultInterface();
        byte[] adt =
                Hl7Builder.adt("A28").controlId("LOCAL-1").patient("LOCAL-P1").bytes();

        InFlight first = face.intake().submit(adt, "file:patients.hl7");
        assertThat(first.reply().code()).isEqualTo(AcknowledgmentCode.AA);
        assertThat(face.patients().find("LOCAL-P1")).isPresent();
        assertThat(face.journal().find(first.journalId(), false).orElseThrow().status())
                .isEqualTo(MessageStatus.PROCESSED);

        InFlight again = face.intake().submit(adt, "file:patients.hl7");
        assertThat(again.reply().code()).isEqualTo(AcknowledgmentCode.AA);
        assertThat(face.journal().find(again.journalId(), false).orElseThrow().status())
                .isEqualTo(MessageStatus.DUPLICATE);
    }

    @Test
    void aMessageThisInterfaceDoesNotTakeIsRefusedAsOnItsPort() throws Exception {
        InFlight refused = defaultInterface().intake().submit("not hl7 at all\r".getBytes(), "file:junk.txt");
        assertThat(refused.reply().code()).isEqualTo(AcknowledgmentCode.AR);
    }
}
