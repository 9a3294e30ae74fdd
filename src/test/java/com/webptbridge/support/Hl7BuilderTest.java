package com.webptbridge.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Hl7BuilderTest {

    @Test
    void anAdtHasTheMshDefaultsAndAPidEachSegmentEndedByCr() {
        assertThat(Hl7Builder.adt("A08").text())
                .isEqualTo("MSH|^~\\&|WEBPT|CLINIC|CMD|BILLING|20261121||ADT^A08^ADT_A01|CTRL-1|P|2.5.1\r"
                        + "PID|1||P1^^^WEBPT^MR||Tester^Robin||19700101|F\r");
    }

    @Test
    void fieldsAreSetByTheirHl7PositionMshCountingTheSeparatorAsMsh1() {
        String text = Hl7Builder.message("DFT^P03^DFT_P03")
                .controlId("C9")
                .facility("RULES")
                .field("MSH", 15, "AL")
                .segment("FT1", "1")
                .field("FT1", 7, "97110")
                .segment("FT1", "2")
                .field("FT1", 7, "97140")
                .text();

        assertThat(text)
                .isEqualTo("MSH|^~\\&|WEBPT|RULES|CMD|BILLING|20261121||DFT^P03^DFT_P03|C9|P|2.5.1|||AL\r"
                        + "FT1|1||||||97110\r"
                        + "FT1|2||||||97140\r");
    }

    @Test
    void aSegmentCanBeLeftOutAndAMissingOneIsNamed() {
        assertThat(Hl7Builder.adt("A04").without("PID").text()).doesNotContain("PID");
        assertThatThrownBy(() -> Hl7Builder.adt("A04").field("IN1", 3, "1042"))
                .hasMessage("The message has no IN1 segment");
    }

    @Test
    void theSeededDftIsTheMessageItAlwaysWas() {
        String patient = "P7";
        String performer = "12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^^^^^NPI";
        String before = "MSH|^~\\&|WEBPT|SEED|CMD|BILLING|20261121||DFT^P03^DFT_P03|C1|P|2.5.1\r"
                + "EVN|P03|20261121\r"
                + "PID|1||P7^^^WEBPT^MR||Ruiz^Ana||19700101|F\r"
                + "PV1|1|O|^^^7||||||||||||||||V-P7\r"
                + "FT1|1|P7-A||20261121||CG|97110|||1|45.00|||||^^^7||||" + performer + "|||||97110\r"
                + "IN1|1|PLAN|1042|BCBS||||G1||||||||Ruiz^Ana|SEL|19700101||||||||||||||||||M-" + patient + "\r";

        assertThat(SeededDft.builder("SEED", "C1", patient, SeededDft.Charge.of("97110"))
                        .text())
                .isEqualTo(before);
    }
}
