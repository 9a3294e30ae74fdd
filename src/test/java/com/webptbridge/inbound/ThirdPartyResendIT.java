package com.webptbridge.inbound;

import com.webptbridge.store.Database;
import com.webptbridge.store.Sql;
import com.webptbridge.store.journal.Worklist;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resends as third-party MLLP clients (node-hl7-client, python-hl7) write them: segments joined by
 * CR, LF or CRLF with no terminator after the last one, sometimes with trailing empty fields. The
 * client here is a raw socket doing its own MLLP framing (0x0B ... 0x1C 0x0D), as those clients do.
 * Whatever the shape, a resend of a processed message is DUPLICATE and gets the original ACK byte
 * for byte, and a resend of a waiting message counts once in the worklist.
 */
class ThirdPartyResendIT {

    private static final List<String> ADT = List.of(
            "MSH|^~\\&|OTHEREHR|CLINIC01|CMD|BILLING|20261121090000||ADT^A08^ADT_A01|TP-1|P|2.5.1",
            "EVN|A08|20261121090000",
            "PID|1||TP100^^^WEBPT^MR||Tern^Pia||19800101|F|||1 Elm St^^Springfield^IL^62704");

    /** The same segments with trailing empty fields and components, as some senders pad them. */
    private static final List<String> PADDED =
            List.of(ADT.get(0) + "|||", ADT.get(1) + "||", ADT.get(2).replace("62704", "62704^^") + "|||||");

    private static final List<String> WAITING = List.of(
            "MSH|^~\\&|OTHEREHR|CLINIC01|CMD|BILLING|20261121090000||DFT^P03^DFT_P03|TP-2|P|2.5.1",
            "EVN|P03|20261121090000",
            "PID|1||TP101^^^WEBPT^MR||Tern^Pia||19800101|F",
            "PV1|1|O|^^^7|||||1987654328^Patel^Anita^^^^^^^^^^NPI|||||||||||V-TP2",
            "FT1|1|TP2-1||20261121||CG|97110|||1|45.00|||||^^^7||||12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^^^^^NPI|||||97110",
            "IN1|1|PLAN|9999|Payer||||GRP100|Acme|||20260101|20261231|||Tern^Pia|SEL|19800101||||||||||||||||||M-1");

    @Test
    void aResendInAnyTerminatorShapeIsADuplicateWithTheOriginalAck() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            String original = exchange(engine, String.join("\r", ADT) + "\r");
            assertThat(original).contains("MSA|AA|TP-1");

            for (String resend : List.of(
                    String.join("\r", ADT), // no CR after the last segment
                    String.join("\r\n", ADT), // CRLF, none after the last
                    String.join("\n", ADT), // LF, none after the last
                    String.join("\r", PADDED), // trailing empty fields and components
                    String.join("\n", ADT).replace("20261121090000||ADT", "20261122101010||ADT"))) { // resent later
                assertThat(exchange(engine, resend)).as(resend).isEqualTo(original);
            }
            try (Connection c = engine.engine().database().connection()) {
                assertThat(Sql.list(c, "SELECT status FROM message_journal ORDER BY id", rs -> rs.getString(1)))
                        .containsExactly("PROCESSED", "DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE");
                assertThat(Sql.list(c, "SELECT notes FROM message_journal ORDER BY id", rs -> rs.getString(1)))
                        .noneMatch(n -> n != null && n.contains("reused"));
            }
        }
    }

    @Test
    void aWaitingMessageResentWithoutItsFinalCrCountsOnceInTheWorklist() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            assertThat(exchange(engine, String.join("\r", WAITING) + "\r")).contains("MSA|AE|TP-2");
            assertThat(exchange(engine, String.join("\n", WAITING))).contains("MSA|AE|TP-2");

            Database db = engine.engine().database();
            List<Worklist.Group> groups = new Worklist(db, "default").groups();
            assertThat(groups).singleElement().satisfies(g -> {
                assertThat(g.waitingKey()).isEqualTo("9999");
                assertThat(g.messages()).isEqualTo(1);
                assertThat(g.journalIds()).hasSize(2);
            });
        }
    }

    /** One MLLP exchange on its own connection: the frame as the client writes it, the ACK's text. */
    private static String exchange(TestEngine engine, String message) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", engine.mllpPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x0B);
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {0x1C, 0x0D});
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream ack = new ByteArrayOutputStream();
            int b = in.read();
            assertThat(b).as("start of the ACK's frame").isEqualTo(0x0B);
            while ((b = in.read()) != 0x1C) {
                assertThat(b).as("the ACK's frame ends").isNotEqualTo(-1);
                ack.write(b);
            }
            assertThat(in.read()).isEqualTo(0x0D);
            return ack.toString(StandardCharsets.UTF_8);
        }
    }
}
