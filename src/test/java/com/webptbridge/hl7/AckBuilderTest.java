package com.webptbridge.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AckBuilderTest {

    private final AckBuilder builder = new AckBuilder(ZoneId.of("UTC"), Set.of("2.3", "2.5.1"));

    @Test
    void readsHeaderFieldsAndComponents() {
        MessageHeader h = MessageHeader.read(
                "MSH|^~\\&|WEBPT|CLIN|CMD|BILL|2026||ADT^A08^ADT_A01|C9|P^T|2.5.1^US|||AL|NE||UNICODE UTF-8~8859/1\rPID|1");
        assertThat(h.sendingFacility()).isEqualTo("CLIN");
        assertThat(h.messageCode()).isEqualTo("ADT");
        assertThat(h.triggerEvent()).isEqualTo("A08");
        assertThat(h.processingId()).isEqualTo("P");
        assertThat(h.version()).isEqualTo("2.5.1");
        assertThat(h.acceptAckType()).isEqualTo("AL");
        assertThat(h.characterSet()).isEqualTo("UNICODE UTF-8");
        assertThat(h.enhancedMode()).isTrue();
    }

    @Test
    void refusesHeadersWithoutUsableDelimiters() {
        assertThat(MessageHeader.read("PID|1||x")).isNull();
        assertThat(MessageHeader.read("MSH^~\\&|A|B")).isNull();
        assertThat(MessageHeader.read("MSH|^^\\&|A")).isNull(); // a delimiter used twice
        assertThat(MessageHeader.read("MSH|")).isNull();
    }

    @Test
    void aNakEscapesDelimitersInTheSentenceAndListsEachProblem() {
        MessageHeader h = MessageHeader.read("MSH|^~\\&|W|C|B|F|2026||ADT^A08|X1|P|2.5.1");
        String ack = builder.build(
                h,
                AcknowledgmentCode.AE,
                List.of(
                        NakReason.DATA_TYPE_ERROR.at(ErrorLocation.field("PID", 1, 7), "Date | wrong ^ here"),
                        NakReason.UNKNOWN_KEY.at(ErrorLocation.component("IN1", 2, 3, 1), "Payer 1042 unknown")),
                "B7");
        String[] segments = ack.split("\r");
        assertThat(segments[0]).startsWith("MSH|^~\\&|B|F|W|C|").contains("|ACK^A08^ACK|B7|P|2.5.1");
        assertThat(segments[1]).isEqualTo("MSA|AE|X1|Date \\F\\ wrong \\S\\ here");
        assertThat(segments[2]).isEqualTo("ERR||PID^1^7|102^Data type error^HL70357|E||||Date \\F\\ wrong \\S\\ here");
        assertThat(segments[3])
                .isEqualTo("ERR||IN1^2^3^1^1|204^Unknown key identifier^HL70357|E||||Payer 1042 unknown");
    }

    @Test
    void aWarningLeavesTheMessageAcceptedWithSeverityW() {
        MessageHeader h = MessageHeader.read("MSH|^~\\&|W|C|B|F|2026||DFT^P03|X3|P|2.5.1");
        var warning = Sentence.FINDING_NO_THERAPY_MODIFIER.at(
                ErrorLocation.field("FT1", 2, 26), 2, "97110", "Medicare", "GP");
        assertThat(NakReason.worstOf(List.of(warning))).isEqualTo(AcknowledgmentCode.AA);
        assertThat(NakReason.worstOf(List.of(warning, NakReason.UNKNOWN_KEY.at(ErrorLocation.MESSAGE, "x"))))
                .isEqualTo(AcknowledgmentCode.AE);
        String[] segments =
                builder.build(h, AcknowledgmentCode.AA, List.of(warning), "B8").split("\r");
        assertThat(segments[1]).startsWith("MSA|AA|X3|Charge 2 (97110) has no therapy modifier");
        assertThat(segments[2]).startsWith("ERR||FT1^2^26|101^Required field missing^HL70357|W||||Charge 2 (97110)");
    }

    @Test
    void olderVersionsAlsoGetErr1() {
        MessageHeader h = MessageHeader.read("MSH|^~\\&|W|C|B|F|2026||ADT^A28|X2|P|2.3");
        String ack = builder.build(
                h,
                AcknowledgmentCode.AE,
                List.of(NakReason.REQUIRED_FIELD_MISSING.at(ErrorLocation.field("PID", 1, 3), "No ID")),
                "B8");
        assertThat(ack).contains("|ACK^A28|").contains("\rERR|PID^1^3^101&Required field missing&HL70357|PID^1^3|101^");
    }

    @Test
    void aMessageWithoutHeaderStillGetsAReadableAck() {
        String ack = builder.build(
                null,
                AcknowledgmentCode.AR,
                List.of(NakReason.NOT_HL7.at(ErrorLocation.segment("MSH", 1), "Not HL7")),
                "B9");
        assertThat(ack).startsWith("MSH|^~\\&|||||").contains("|ACK|B9|P|2.5.1\rMSA|AR||Not HL7\r");
    }

    @Test
    void theWorstProblemDecidesTheCode() {
        Problem ae = NakReason.UNKNOWN_KEY.at(ErrorLocation.MESSAGE, "x");
        Problem ar = NakReason.UNSUPPORTED_VERSION.at(ErrorLocation.MESSAGE, "y");
        assertThat(NakReason.worstOf(List.of())).isEqualTo(AcknowledgmentCode.AA);
        assertThat(NakReason.worstOf(List.of(ae))).isEqualTo(AcknowledgmentCode.AE);
        assertThat(NakReason.worstOf(List.of(ae, ar))).isEqualTo(AcknowledgmentCode.AR);
    }
}
