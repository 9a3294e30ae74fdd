package com.webptbridge.inbound;

import com.webptbridge.support.Hl7Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgerTest {

    /** The reply to an A08 with these MSH-15/16, its header check passed (AA) or its version refused (AR). */
    private static String reply(AckMode mode, String msh15, String msh16, boolean accepted) throws SQLException {
        try (RouteBeans beans = new RouteBeans(mode)) {
            Hl7Builder a08 = Hl7Builder.adt("A08")
                    .controlId("C-1")
                    .field("MSH", 15, msh15)
                    .field("MSH", 16, msh16);
            InFlight m = accepted ? beans.applied(a08, new ArrayList<>()) : null;
            if (!accepted) {
                m = beans.checked(a08.version("2.9"));
                beans.commit.commit(m);
            }
            byte[] bytes = new Acknowledger(beans.acks).reply(m);
            return bytes == null ? "none" : msa(new String(bytes, StandardCharsets.UTF_8));
        }
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
    void inOriginalModeTheApplicationAckIsSentWhateverMsh15Says() throws SQLException {
        assertThat(reply(AckMode.ORIGINAL, "NE", "AL", true)).isEqualTo("AA");
        assertThat(reply(AckMode.ORIGINAL, "AL", "", false)).isEqualTo("AR");
    }

    @Test
    void inEnhancedModeAMessageWithoutMsh15Or16GetsItsApplicationAck() throws SQLException {
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
    void inEnhancedModeMsh15DecidesWhetherAnAcceptAckIsSent(String msh15, boolean accepted, String expected)
            throws SQLException {
        assertThat(reply(AckMode.ENHANCED, msh15, "AL", accepted)).isEqualTo(expected);
    }

    @Test
    void anAcceptedMessageWithErrorsIsStillSafelyStoredSoItsAcceptCodeIsCa() {
        assertThat(Acknowledger.acceptCode(ca.uhn.hl7v2.AcknowledgmentCode.AE))
                .isEqualTo(ca.uhn.hl7v2.AcknowledgmentCode.CA);
    }
}
