package com.webptbridge.support;

import com.webptbridge.support.SeededDft.Charge;
import com.webptbridge.support.SeededDft.Place;
import com.webptbridge.transport.MllpClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The known mix the report tests send one practice (MSH-4 CLINIC, over its own MLLP port): two
 * visits posted (facility 7 / provider 12 / payer 1042: 97110 x2 $90.00 and 97140 x1 $42.00; facility
 * 8 / provider 14 / Medicare 1043: 97161 $120.00 and 97110 $45.50: in all 4 charges, 5 units,
 * $297.50), one waiting for payer 2001, a resend (a duplicate), a Patient Info update and an AR (ADT^A99).
 */
public final class ReportMix {

    private ReportMix() {}

    /** Sends the whole mix to the listener on {@code port}, checking each ACK code. */
    public static void send(int port) throws Exception {
        String first = dft(
                "A-1", "RA1", Place.SPRINGFIELD, new Charge("97110", "2", "90.00"), new Charge("97140", "1", "42.00"));
        assertThat(ack(port, first)).isEqualTo("AA");
        assertThat(ack(
                        port,
                        dft(
                                "A-2",
                                "RA2",
                                Place.PEORIA,
                                new Charge("97161", "1", "120.00"),
                                new Charge("97110", "1", "45.50"))))
                .isEqualTo("AA");
        assertThat(ack(port, dft("A-3", "RA3", Place.SPRINGFIELD.paidBy("2001"), Charge.of("97110"))))
                .isEqualTo("AE");
        assertThat(ack(port, first)).as("a resend").isEqualTo("AA");
        assertThat(ack(
                        port,
                        Hl7Builder.adt("A08")
                                .facility("CLINIC-A")
                                .controlId("A-4")
                                .patient("RA1")
                                .field("PID", 5, "Ruiz^Ana")
                                .field("PID", 7, "19700101")
                                .text()))
                .isEqualTo("AA");
        assertThat(ack(
                        port,
                        Hl7Builder.adt("A99")
                                .facility("CLINIC-A")
                                .controlId("A-5")
                                .patient("RA1")
                                .text()))
                .isEqualTo("AR");
    }

    /** A seeded DFT at {@code place}, its visit number from the control ID. */
    public static String dft(String controlId, String patient, Place place, Charge... charges) {
        return SeededDft.builder("CLINIC", controlId, patient, place, charges)
                .field("PV1", 19, "V-" + controlId)
                .text();
    }

    /** The ACK code (MSA-1) the listener on {@code port} answers {@code message} with. */
    public static String ack(int port, String message) throws Exception {
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
            return Hl7Text.parseAck(new String(client.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8))
                    .encode()
                    .split("\r")[1]
                    .split("\\|")[1];
        }
    }
}
