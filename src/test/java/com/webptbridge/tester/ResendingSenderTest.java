package com.webptbridge.tester;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resending sender against a real MLLP peer over a socket that answers its first sends the
 * way the engine does while its database is away (AR with ERR 207), then AA.
 */
class ResendingSenderTest {

    @TempDir
    Path dir;

    @Test
    void withResendRejectedAMessageAnsweredAr207GoesAgainUntilItIsAccepted() throws Exception {
        try (Peer peer = new Peer(3, "207")) {
            Path answers = dir.resolve("answers.txt");
            ResendingSender.Report r =
                    ResendingSender.run(plan(peer, 6), Duration.ofSeconds(20), true, answers, line -> {});

            assertThat(r.answered()).isEqualTo(6);
            assertThat(r.rejectedAndResent()).isEqualTo(3);
            assertThat(r.ackCodes()).isEqualTo(Map.of("AA", 6, "AR", 3));
            List<String> lines = Files.readAllLines(answers);
            assertThat(lines).hasSize(6).allMatch(l -> l.endsWith(" AA"));
            assertThat(lines.stream().map(l -> l.split(" ")[0]).distinct()).hasSize(6);
            // Every message reached the peer once more for each AR it was answered.
            assertThat(peer.received.values().stream()
                            .mapToInt(AtomicInteger::get)
                            .sum())
                    .isEqualTo(9);
        }
    }

    @Test
    void withoutItAnAr207IsTheMessagesAnswer() throws Exception {
        try (Peer peer = new Peer(2, "207")) {
            Path answers = dir.resolve("answers.txt");
            ResendingSender.Report r =
                    ResendingSender.run(plan(peer, 5), Duration.ofSeconds(20), false, answers, line -> {});

            assertThat(r.answered()).isEqualTo(5);
            assertThat(r.rejectedAndResent()).isZero();
            assertThat(r.ackCodes()).isEqualTo(Map.of("AA", 3, "AR", 2));
            assertThat(Files.readAllLines(answers))
                    .filteredOn(l -> l.endsWith(" AR"))
                    .hasSize(2);
        }
    }

    @Test
    void anArForTheMessagesContentIsNotSentAgain() throws Exception {
        try (Peer peer = new Peer(2, "102")) {
            ResendingSender.Report r = ResendingSender.run(
                    plan(peer, 4), Duration.ofSeconds(20), true, dir.resolve("answers.txt"), line -> {});

            assertThat(r.rejectedAndResent()).isZero();
            assertThat(r.ackCodes()).isEqualTo(Map.of("AA", 2, "AR", 2));
        }
    }

    private static LoadGenerator.Plan plan(Peer peer, int messages) {
        return new LoadGenerator.Plan("127.0.0.1", peer.port(), 1, messages, 0, 30, Duration.ofSeconds(5));
    }

    /** Answers the first {@code rejections} messages AR with an ERR of the given code, the rest AA. */
    private static final class Peer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0);
        final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        final AtomicInteger rejectionsLeft;
        final String errorCode;
        final Thread thread;

        Peer(int rejections, String errorCode) throws IOException {
            this.rejectionsLeft = new AtomicInteger(rejections);
            this.errorCode = errorCode;
            this.thread = new Thread(this::serve, "ar-peer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    String message;
                    while ((message = frame(in)) != null) {
                        String control = message.split("\r")[0].split("\\|")[9];
                        received.computeIfAbsent(control, c -> new AtomicInteger())
                                .incrementAndGet();
                        boolean reject = rejectionsLeft.getAndDecrement() > 0;
                        String ack = "MSH|^~\\&|BRIDGE|CMD|WEBPT|LOADGEN|20261204120000||ACK|A" + control + "|P|2.5.1\r"
                                + (reject
                                        ? "MSA|AR|" + control + "\rERR||MSH^1^10|" + errorCode + "^Rejected^HL70357|E\r"
                                        : "MSA|AA|" + control + "\r");
                        out.write(0x0b);
                        out.write(ack.getBytes(StandardCharsets.UTF_8));
                        out.write(new byte[] {0x1c, 0x0d});
                        out.flush();
                    }
                } catch (IOException e) {
                    // the sender closed its connection, or the test closed the server
                }
            }
        }

        /** The next frame's payload, or null when the connection ends. */
        private static String frame(InputStream in) throws IOException {
            int b;
            while ((b = in.read()) != 0x0b) {
                if (b < 0) {
                    return null;
                }
            }
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            while ((b = in.read()) != 0x1c) {
                if (b < 0) {
                    return null;
                }
                payload.write(b);
            }
            in.read(); // the frame's closing CR
            return payload.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
