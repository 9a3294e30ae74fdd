package com.webptbridge.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The header check: what is refused before the body is read, with which 0357 code and where. */
class HeaderRulesTest {

    private static final String ACCEPTED = "ADT^A04, ADT^A08, DFT^P03";

    private final HeaderRules rules = new HeaderRules(
            Set.of("2.5.1", "2.3"), Set.of("P"), Map.of("DFT", Set.of("P03"), "ADT", Set.of("A08", "A04")));

    private List<Problem> check(String type, String controlId, String processingId, String version) {
        MessageHeader h = MessageHeader.read("MSH|^~\\&|WEBPT|CLINIC01|CMD|BILLING|20261121090000||" + type + "|"
                + controlId + "|" + processingId + "|" + version + "\rPID|1\r");
        return rules.check(h);
    }

    @Test
    void anAcceptedHeaderHasNoProblems() {
        assertThat(check("DFT^P03^DFT_P03", "C1", "P", "2.5.1")).isEmpty();
        assertThat(check("ADT^A04", "C1", "P", "2.3")).isEmpty();
    }

    @Test
    void anEmptyControlIdIsARequiredFieldMissingAndRejected() {
        List<Problem> problems = check("DFT^P03", "", "P", "2.5.1");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason().hl7Code()).isEqualTo(101);
            assertThat(p.reason().ackCode()).isEqualTo(AcknowledgmentCode.AR);
            assertThat(p.location().display()).isEqualTo("MSH-10");
            assertThat(p.sentence()).contains("control ID (MSH-10) is empty");
        });
    }

    @Test
    void anEmptyMessageTypeIsARequiredFieldMissing() {
        List<Problem> problems = check("", "C1", "P", "2.5.1");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason().hl7Code()).isEqualTo(101);
            assertThat(p.location().display()).isEqualTo("MSH-9");
        });
    }

    @Test
    void anUnsupportedMessageTypeIsRejectedWith200ListingWhatIsAccepted() {
        List<Problem> problems = check("ORU^R01", "C1", "P", "2.5.1");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(NakReason.UNSUPPORTED_MESSAGE_TYPE);
            assertThat(p.reason().hl7Code()).isEqualTo(200);
            assertThat(p.reason().ackCode()).isEqualTo(AcknowledgmentCode.AR);
            assertThat(p.location().display()).isEqualTo("MSH-9.1");
            assertThat(p.sentence()).contains("Message type ORU").contains("it accepts " + ACCEPTED + ".");
        });
    }

    @Test
    void anUnsupportedTriggerEventIsRejectedWith201ListingWhatIsAccepted() {
        List<Problem> problems = check("ADT^A01^ADT_A01", "C1", "P", "2.5.1");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(NakReason.UNSUPPORTED_EVENT);
            assertThat(p.reason().hl7Code()).isEqualTo(201);
            assertThat(p.reason().ackCode()).isEqualTo(AcknowledgmentCode.AR);
            assertThat(p.location().display()).isEqualTo("MSH-9.2");
            assertThat(p.sentence()).contains("Event ADT^A01").contains("it accepts " + ACCEPTED + ".");
        });
    }

    @Test
    void anUnsupportedVersionIsRejectedWith203NamingTheSupportedOnes() {
        List<Problem> problems = check("DFT^P03", "C1", "P", "2.6");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason().hl7Code()).isEqualTo(203);
            assertThat(p.reason().ackCode()).isEqualTo(AcknowledgmentCode.AR);
            assertThat(p.location().display()).isEqualTo("MSH-12");
            assertThat(p.sentence()).contains("'2.6'").contains("send one of 2.3, 2.5.1.");
        });
    }

    @Test
    void aVersionWithInternationalizationComponentsIsReadByItsFirstComponent() {
        assertThat(check("DFT^P03", "C1", "P", "2.5.1^USA")).isEmpty();
    }

    @Test
    void anUnsupportedProcessingIdIsRejectedWith202() {
        List<Problem> problems = check("DFT^P03", "C1", "T", "2.5.1");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason().hl7Code()).isEqualTo(202);
            assertThat(p.reason().ackCode()).isEqualTo(AcknowledgmentCode.AR);
            assertThat(p.location().display()).isEqualTo("MSH-11");
            assertThat(p.sentence()).contains("'T'").contains("send one of P.");
        });
    }

    @Test
    void anEmptyProcessingIdOrVersionIsSaidToBeEmpty() {
        List<Problem> problems = check("DFT^P03", "C1", "", "");

        assertThat(problems)
                .extracting(p -> p.reason().hl7Code() + "@" + p.location().display())
                .containsExactly("203@MSH-12", "202@MSH-11");
        assertThat(problems.get(0).sentence()).startsWith("The HL7 version (MSH-12) is empty;");
        assertThat(problems.get(1).sentence())
                .startsWith("The processing ID (MSH-11) is empty;")
                .doesNotContain("''");
    }

    @Test
    void aProcessingModeComponentDoesNotHideAnAcceptedProcessingId() {
        assertThat(check("DFT^P03", "C1", "P^T", "2.5.1")).isEmpty();
    }

    @Test
    void severalProblemsAreAllReportedInHeaderOrder() {
        List<Problem> problems = check("ORU^R01", "", "D", "2.2");

        assertThat(problems)
                .extracting(p -> p.reason().hl7Code() + "@" + p.location().display())
                .containsExactly("101@MSH-10", "200@MSH-9.1", "203@MSH-12", "202@MSH-11");
        assertThat(NakReason.worstOf(problems)).isEqualTo(AcknowledgmentCode.AR);
    }

    @Test
    void rulesAreCopiedSoLaterChangesToTheGivenSetsDoNotLeakIn() {
        java.util.Set<String> versions = new java.util.HashSet<>(Set.of("2.5.1"));
        HeaderRules copy = new HeaderRules(versions, Set.of("P"), Map.of("DFT", Set.of("P03")));
        versions.add("2.6");

        List<Problem> problems = copy.check(MessageHeader.read("MSH|^~\\&|W|C|B|F|2026||DFT^P03|C1|P|2.6\r"));
        assertThat(problems).extracting(p -> p.reason().hl7Code()).containsExactly(203);
    }
}
