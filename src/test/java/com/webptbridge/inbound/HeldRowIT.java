package com.webptbridge.inbound;

import ca.uhn.hl7v2.model.Message;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient row held by another session (an analyst's open transaction, a stuck tool) fails the one
 * message that needs it, AR 207 "send it again later", after the lock timeout; it does not stall
 * the batch writer, and the message applies once sent again after the row is free.
 */
class HeldRowIT {

    @RegisterExtension
    final EngineExtension engine = EngineExtension.start();

    private static byte[] a08(String controlId, String patientId) {
        return Hl7Text.bytes("MSH|^~\\&|WEBPT|HELD|CMD|BILLING|20261120||ADT^A08^ADT_A01|" + controlId
                + "|P|2.5.1\nPID|1||" + patientId + "^^^WEBPT^MR||Ruiz^Ana||19700101|F\n");
    }

    private static Message exchange(EngineExtension engine, byte[] message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return Hl7Text.parseAck(new String(client.exchange(message), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMessageWhosePatientRowIsHeldElsewhereIsAnsweredAr207AndTheWriterGoesOn() throws Exception {

        assertThat(Hl7Text.get(exchange(engine, a08("HELD-1", "H1")), "/MSA-1")).isEqualTo("AA");
        try (Connection holder = engine.engine().database().connection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement ps =
                    holder.prepareStatement("SELECT id FROM patient WHERE patient_id = 'H1' FOR UPDATE")) {
                ps.executeQuery().close();
            }

            Message held = exchange(engine, a08("HELD-2", "H1"));

            assertThat(Hl7Text.get(held, "/MSA-1")).isEqualTo("AR");
            assertThat(Hl7Text.errors(held)).containsExactly("207@");
            assertThat(Hl7Text.get(held, "/MSA-3")).contains("Send it again later");
            // The writer is free again while the row is still held: another patient applies.
            assertThat(Hl7Text.get(exchange(engine, a08("HELD-3", "H2")), "/MSA-1"))
                    .isEqualTo("AA");
            holder.rollback();
        }
        assertThat(Hl7Text.get(exchange(engine, a08("HELD-2", "H1")), "/MSA-1")).isEqualTo("AA");
    }
}
