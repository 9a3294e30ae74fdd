package com.webptbridge.cli;

import com.webptbridge.support.Cli;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code bridge send} reports against a listener that answers as told: CA counted apart from
 * AA, a message with MSH-15 NE left unanswered without stopping the batch, error text decoded.
 */
class SendCommandTest {

    private ServerSocket server;
    private Thread listener;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        listener = new Thread(this::serve, "scripted-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /** Answers CA to control ID C-CA, nothing to MSH-15 NE, AE with an escaped text to C-AE, AA otherwise. */
    private void serve() {
        try (Socket s = server.accept()) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                String message = read(in);
                if (message == null) {
                    return;
                }
                String[] msh = message.split("\r")[0].split("\\|", -1);
                String control = msh[9];
                if (msh.length > 14 && msh[14].equals("NE")) {
                    continue;
                }
                String code = control.equals("C-CA") ? "CA" : control.equals("C-AE") ? "AE" : "AA";
                String ack = "MSH|^~\\&|B|B|W|W|2026||ACK^A04^ACK|A" + control + "|P|2.5.1\rMSA|" + code + "|" + control
                        + (code.equals("AE") ? "|Message type ADT\\S\\A04 is not mapped" : "")
                        + (code.equals("AE")
                                ? "\rERR||MSH^1^9|200^Unsupported|E||||Event ADT\\S\\A04\\T\\x unknown"
                                : "");
                out.write(MllpClient.frame(ack.getBytes(StandardCharsets.UTF_8)));
                out.flush();
            }
        } catch (IOException e) {
            // the test closed the server
        }
    }

    private static String read(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != 0x0b) {
            if (b < 0) {
                return null;
            }
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1c) {
            payload.write(b);
        }
        in.read();
        return payload.toString(StandardCharsets.UTF_8);
    }

    private static String message(String control, String acceptAckType) {
        return Hl7Builder.adt("A04")
                .controlId(control)
                .field("MSH", 15, acceptAckType)
                .field("PID", 5, "Doe^Jane")
                .text();
    }

    @Test
    void caIsCountedApartNeDoesNotStopTheBatchAndErrorTextIsDecoded(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1-ca.hl7"), message("C-CA", ""));
        Files.writeString(dir.resolve("2-ne.hl7"), message("C-NE", "NE"));
        Files.writeString(dir.resolve("3-aa.hl7"), message("C-AA", ""));
        Files.writeString(dir.resolve("4-ae.hl7"), message("C-AE", ""));

        Cli.Result r =
                Cli.run("send", dir.toString(), "--host", "127.0.0.1", "--port", String.valueOf(server.getLocalPort()));

        assertThat(r.out())
                .contains("control=C-CA  CA")
                .contains("2-ne.hl7  no ACK: MSH-15 is NE")
                .contains("control=C-AA  AA")
                .contains("Message type ADT^A04 is not mapped")
                .contains("Event ADT^A04&x unknown")
                .doesNotContain("\\S\\")
                .contains("1 of 4 accepted (AA); 1 accepted (CA: accept ACK only); 1 not answered (MSH-15 NE).");
        assertThat(r.exitCode()).isEqualTo(1); // the AE
    }

    @Test
    void aMissingFileIsOneLineWithoutAStackTrace() {
        Cli.Result r = Cli.run("send", "no/such/file.hl7", "--port", String.valueOf(server.getLocalPort()));

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err())
                .contains("no/such/file.hl7")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aNonNumericPortIsRefusedWithoutAStackTrace() {
        Cli.Result r = Cli.run("send", "x.hl7", "--port", "twenty");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'twenty' is not an int").doesNotContain("\tat ");
    }

    @Test
    void anUrlPointingAtAnMllpPortFailsInSecondsSayingSo() {
        long start = System.nanoTime();

        Cli.Result r = Cli.run("worklist", "--url", "http://127.0.0.1:" + server.getLocalPort());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--url must be the engine's HTTP API").doesNotContain("\tat ");
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(30);
    }
}
