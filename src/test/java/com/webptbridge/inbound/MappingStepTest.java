package com.webptbridge.inbound;

import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.MessageHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MappingStepTest {

    private static MessageHeader header(String type) {
        String text = "MSH|^~\\&|WEBPT|CLINIC|CMD|BILLING|20261120||" + type + "|C1|P|2.5.1\r";
        return InboundMessage.read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .header();
    }

    @Test
    void theAcceptedEventsAreTheFourAdtEventsAndTheDft() {
        assertThat(MappingStep.acceptedEvents())
                .isEqualTo(Map.of("ADT", Set.of("A04", "A08", "A28", "A31"), "DFT", Set.of("P03")));
    }

    @Test
    void eachAcceptedEventGoesToItsStepAndOthersToNone() {
        assertThat(MappingStep.of(header("ADT^A08^ADT_A01"))).contains(MappingStep.PATIENT_INFO);
        assertThat(MappingStep.of(header("ADT^A31"))).contains(MappingStep.PATIENT_INFO);
        assertThat(MappingStep.of(header("DFT^P03"))).contains(MappingStep.ENCOUNTER);
        assertThat(MappingStep.of(header("ADT^A01"))).isEmpty();
        assertThat(MappingStep.of(header("DFT^P11"))).isEmpty();
        assertThat(MappingStep.of(null)).isEmpty();
    }

    @Test
    void theRouteChoosesByTheStepsBeanName() {
        InFlight m = new InFlight(
                1L,
                InboundMessage.read(
                        "MSH|^~\\&|A|B|C|D|20261120||DFT^P03|C2|P|2.5.1\r".getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8),
                "default",
                AckMode.ORIGINAL);
        assertThat(m.getStep()).isEqualTo("encounter");
        assertThat(m.mode()).isEqualTo(CommitMode.LIVE);
    }
}
