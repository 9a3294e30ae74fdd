package com.webptbridge.transport;

import ca.uhn.hl7v2.model.Message;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.LogCapture;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bridge.mllp.max-connections: with the cap reached, one more connection is closed by the engine at
 * once (and logged without PHI), while the clients already connected keep getting their ACKs.
 */
class ConnectionLimitIT {

    private static final int CAP = 3;

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.with("bridge.mllp.max-connections", String.valueOf(CAP));

    private static byte[] adt(String controlId) {
        return Hl7Builder.adt("A08")
                .facility("CAP")
                .controlId(controlId)
                .patient("CAP-" + controlId)
                .field("PID", 5, "Capper^Casey")
                .bytes();
    }

    private static String msa(MllpClient client, String controlId) throws Exception {
        Message ack = Hl7Text.parseAck(new String(client.exchange(adt(controlId)), StandardCharsets.UTF_8));
        assertThat(Hl7Text.get(ack, "/MSA-2")).isEqualTo(controlId);
        return Hl7Text.get(ack, "/MSA-1");
    }

    @Test
    void oneConnectionMoreThanTheCapIsClosedAndTheOthersAreStillServed(TestEngine engine) throws Exception {
        try (LogCapture logs = new LogCapture()) {
            List<MllpClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < CAP; i++) {
                    MllpClient client = engine.connect();
                    open.add(client);
                    assertThat(msa(client, "CAP-" + i)).isEqualTo("AA"); // served, so counted by the engine
                }

                try (Socket extra = new Socket()) {
                    extra.connect(new InetSocketAddress("127.0.0.1", engine.mllpPort()), 5000);
                    extra.setSoTimeout(10_000);
                    extra.getOutputStream().write(MllpClient.frame(adt("CAP-REFUSED")));
                    InputStream in = extra.getInputStream();
                    int read;
                    try {
                        read = in.read();
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("the connection over the cap was neither closed nor refused", e);
                    } catch (java.net.SocketException e) {
                        read = -1; // reset: closed by the engine before our bytes were read
                    }
                    assertThat(read)
                            .as("the engine closed the connection without an answer")
                            .isEqualTo(-1);
                }

                for (int i = 0; i < CAP; i++) {
                    assertThat(msa(open.get(i), "CAP-AGAIN-" + i)).isEqualTo("AA");
                }
            } finally {
                for (MllpClient c : open) {
                    c.close();
                }
            }

            String log = logs.textAsShipped();
            assertThat(log).contains("refused").contains("bridge.mllp.max-connections");
            assertThat(log).doesNotContain("Capper").doesNotContain("CAP-REFUSED");

            // A closed connection frees its place: a new client is served again.
            waitUntilServed(engine);
        }
    }

    /** Closing is asynchronous on the engine's side; a new client gets in within a few tries. */
    private static void waitUntilServed(TestEngine engine) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (MllpClient client = engine.connect()) {
                assertThat(msa(client, "CAP-AFTER")).isEqualTo("AA");
                return;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
