package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.support.Hl7Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgerTest {

    private static final AckBuilder ACKS = new AckBuilder(ZoneId.of("UTC"), RouteBeans.VERSIONS);

    /**
     * The reply to an A08 with these MSH-15/16 once the commit step decided its application ACK:
     * AA when it was applied, AR when it was refused. No database: the commit's answer is given.
     */
    private static String reply(AckMode mode, String msh15, String msh16, boolean accepted) {
        byte[] a08 = Hl7Builder.adt("A08")
                .controlId("C-1")
                .field("MSH", 15, msh15)
                .field("MSH", 16, msh16)
                .bytes();
        InFlight m = new InFlight(1L, InboundMessage.read(a08, StandardCharsets.UTF_8), "default", mode);
        AcknowledgmentCode code = accepted ? AcknowledgmentCode.AA : AcknowledgmentCode.AR;
        List<Problem> problems = accepted
                ? List.of()
                : List.of(new Problem(
                        NakReason.UNSUPPORTED_VERSION, ErrorLocation.field("MSH", 1, 12), "Version 2.9 is not taken."));
        m.reply = new Reply(
                m.header(), code, problems, ACKS.build(m.header(), code, problems, "B1"), StandardCharsets.UTF_8, "B1");
        byte[] bytes = new Acknowledger(ACKS).reply(m);
        return bytes == null ? "none" : msa(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String msa(String ack) {
        return ack.lines()
                .flatMap(l -> java.util.Arrays.stream(l.split("\r")))
                .filter(s -> s.startsWith("MSA|"))
                .findFirst()
                .orElseThrow()
                .split("\\|")[1];
    }

    @Test
    void inOriginalModeTheApplicationAckIsSentWhateverMsh15Says() {
        assertThat(reply(AckMode.ORIGINAL, "NE", "AL", true)).isEqualTo("AA");
        assertThat(reply(AckMode.ORIGINAL, "AL", "", false)).isEqualTo("AR");
    }

    @Test
    void inEnhancedModeAMessageWithoutMsh15Or16GetsItsApplicationAck() {
        assertThat(reply(AckMode.ENHANCED, "", "", true)).isEqualTo("AA");
    }

    @ParameterizedTest(name = "MSH-15 {0}, accepted {1}: {2}")
    @CsvSource({
        "AL, true, CA",
        "AL, false, CR",
        "NE, true, none",
        "NE, false, none",
        "ER, true, none",
        "ER, false, CR",
        "SU, true, CA",
        "SU, false, none",
    })
    void inEnhancedModeMsh15DecidesWhetherAnAcceptAckIsSent(String msh15, boolean accepted, String expected) {
        assertThat(reply(AckMode.ENHANCED, msh15, "AL", accepted)).isEqualTo(expected);
    }

    @Test
    void anAcceptedMessageWithErrorsIsStillSafelyStoredSoItsAcceptCodeIsCa() {
        assertThat(Acknowledger.acceptCode(AcknowledgmentCode.AE)).isEqualTo(AcknowledgmentCode.CA);
    }
}
