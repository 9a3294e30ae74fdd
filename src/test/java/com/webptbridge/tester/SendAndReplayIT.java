package com.webptbridge.tester;

import com.webptbridge.support.Cli;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tester's tools over real sockets, against the engine, the ack-server, and peers that misbehave. */
class SendAndReplayIT {

    /** A new patient, an update that builds on it, a v2.3 A28, and an AR. */
    private static final String[] ADT_SUBSET = {
        "01-a04-new-patient-v251",
        "02-a08-update-address-leaves-rest",
        "04-a28-add-person-v23",
        "11-bad-oru-unsupported-type"
    };
    /** A DFT with its policy and charges, and an AE for an unknown payer. */
    private static final String[] DFT_SUBSET = {"01-dft-one-policy-new-patient", "08-bad-unknown-payer"};

    @Test
    void sendPrintsEachAckAgainstTheEngineAndTheAckServer() throws Exception {
        try (TestEngine engine = TestEngine.start();
                AckServer ackServer = AckServer.start("127.0.0.1", 0)) {
            Cli.Result toEngine = Cli.run(
                    "send",
                    "hl7-samples/adt/01-a04-new-patient-v251.hl7",
                    "hl7-samples/adt/11-bad-oru-unsupported-type.hl7",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "" + engine.mllpPort());
            assertThat(toEngine.out())
                    .contains("01-a04-new-patient-v251.hl7  control=ADT0001  AA")
                    .contains("control=BAD0001  AR  200@MSH-9.1")
                    .contains("1 of 2 accepted");
            assertThat(toEngine.exitCode()).isEqualTo(1);

            Cli.Result toAckServer =
                    Cli.run("send", "hl7-samples/dft", "--host", "127.0.0.1", "--port", "" + ackServer.port());
            assertThat(toAckServer.exitCode()).as(toAckServer.out()).isZero();
            long samples;
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of("hl7-samples/dft"))) {
                samples = files.filter(f -> f.toString().endsWith(".hl7")).count();
            }
            // the ack-server reads MSH only: it accepts every sample, the bad ones too
            assertThat(toAckServer.out()).contains(samples + " of " + samples + " accepted");
        }
    }

    @Test
    void sendRawSendsTheFileByteForByteAndTheEngineReadsItsLineEnds() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            Cli.Result sent = Cli.run(
                    "send",
                    "hl7-samples/wild/01-lf-separated-adt.hl7",
                    "hl7-samples/wild/04-utf8-bom-before-msh.hl7",
                    "--raw",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "" + engine.mllpPort());

            assertThat(sent.exitCode()).as(sent.out()).isZero();
            assertThat(sent.out()).contains("control=WILD0001  AA").contains("2 of 2 accepted");
            String journal = engine.get("/api/messages?limit=2").body();
            long lfMessage = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(journal)
                    .get(1)
                    .get("id")
                    .asLong();
            String raw = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(engine.get("/api/messages/" + lfMessage + "?raw=true")
                            .body())
                    .get("rawMessage")
                    .asText();
            assertThat(raw)
                    .as("the journal keeps what arrived: LF line ends")
                    .contains("\nPID|")
                    .doesNotContain("\r");
        }
    }

    @Test
    void replayRefusesAnEngineThatHoldsTheSamplesOrIsNotTheOneItSendsTo(@TempDir Path dir) throws Exception {
        Path adt = dir.resolve("adt");
        Files.createDirectories(adt);
        for (String ext : new String[] {".hl7", ".expected.yaml"}) {
            Files.copy(
                    Path.of("hl7-samples/adt/01-a04-new-patient-v251" + ext),
                    adt.resolve("01-a04-new-patient-v251" + ext));
        }
        try (TestEngine engine = TestEngine.start();
                TestEngine other = TestEngine.start()) {
            String[] args = {"replay", adt.toString(), "--host", "127.0.0.1", "--port", "" + engine.mllpPort()};
            Cli.Result first = Cli.run(concat(args, "--url", engine.url()));
            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();

            Cli.Result again = Cli.run(concat(args, "--url", engine.url()));
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err())
                    .contains("already holds 1 of the samples' control IDs")
                    .contains("ADT0001");

            Cli.Result elsewhere = Cli.run(concat(args, "--url", other.url()));
            assertThat(elsewhere.exitCode()).isEqualTo(2);
            assertThat(elsewhere.err()).contains("not on --port " + engine.mllpPort());
        }
    }

    @Test
    void replayUpdateWritesTheExpectationOfANewSample(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("hl7-samples/adt/01-a04-new-patient-v251.hl7"), dir.resolve("new-sample.hl7"));
        try (TestEngine engine = TestEngine.start()) {
            Cli.Result updated = Cli.run(
                    "replay",
                    dir.toString(),
                    "--update",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "" + engine.mllpPort(),
                    "--url",
                    engine.url());

            assertThat(updated.exitCode()).as(updated.out() + updated.err()).isZero();
            assertThat(Files.readString(dir.resolve("new-sample.expected.yaml")))
                    .contains("ack: \"AA\"")
                    .contains("description");
        }
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void aFileWithSeveralMessagesIsSentMessageByMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two.hl7");
        Files.writeString(
                file,
                "MSH|^~\\&|W|C|B|B|2026||ADT^A08|M1|P|2.5.1\r\nPID|1||X1^^^W^MR||A^B\r\n"
                        + "MSH|^~\\&|W|C|B|B|2026||ADT^A08|M2|P|2.5.1\rPID|1||X2^^^W^MR||C^D\r");
        try (AckServer ackServer = AckServer.start("127.0.0.1", 0)) {
            Cli.Result r = Cli.run("send", file.toString(), "--host", "127.0.0.1", "--port", "" + ackServer.port());
            assertThat(r.out()).contains("two.hl7  control=M1  AA").contains("two.hl7#2  control=M2  AA");
            assertThat(r.exitCode()).isZero();
        }
    }

    @Test
    void aDroppedConnectionAndATimeoutAreReportedNotHung() throws Exception {
        try (ServerSocket hangsUp = new ServerSocket(0);
                ServerSocket silent = new ServerSocket(0)) {
            Thread closer = new Thread(() -> {
                try (Socket s = hangsUp.accept()) {
                    s.getInputStream().read(); // take the first byte, then hang up
                } catch (Exception ignored) {
                    // the test reads what the client reports
                }
            });
            closer.start();
            Cli.Result dropped = Cli.run(
                    "send",
                    "hl7-samples/adt/01-a04-new-patient-v251.hl7",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "" + hangsUp.getLocalPort());
            assertThat(dropped.out()).contains("DROPPED");
            assertThat(dropped.exitCode()).isEqualTo(1);

            List<Socket> held = new ArrayList<>();
            Thread holder = new Thread(() -> {
                try {
                    held.add(silent.accept()); // accept and never answer
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            holder.start();
            Cli.Result timedOut = Cli.run(
                    "send",
                    "hl7-samples/adt/01-a04-new-patient-v251.hl7",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "" + silent.getLocalPort(),
                    "--timeout",
                    "1");
            assertThat(timedOut.out()).contains("TIMEOUT: no ACK within 1 s");
            assertThat(timedOut.exitCode()).isEqualTo(1);
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * The replay command itself, on a few samples: the whole golden suite goes through the engine in
     * SampleReplayIT, and through the packaged jar in CI, so it is not replayed a third time here.
     */
    @Test
    void replayPassesSamplesAndFailsADeliberatelyWrongExpectation(@TempDir Path dir) throws Exception {
        Path adt = Files.createDirectory(dir.resolve("adt"));
        Path dft = Files.createDirectory(dir.resolve("dft"));
        copy(Path.of("hl7-samples/adt"), adt, ADT_SUBSET);
        copy(Path.of("hl7-samples/dft"), dft, DFT_SUBSET);
        try (TestEngine engine = TestEngine.start()) {
            String url = "http://127.0.0.1:" + engine.engine().httpPort();
            Cli.Result suite = Cli.run(
                    "replay",
                    adt.toString(),
                    dft.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "" + engine.mllpPort(),
                    "--url",
                    url);
            assertThat(suite.out()).contains((ADT_SUBSET.length + DFT_SUBSET.length) + " passed, 0 failed");
            assertThat(suite.exitCode()).as(suite.out()).isZero();
        }
        Path expected = adt.resolve("04-a28-add-person-v23.expected.yaml");
        Files.writeString(expected, Files.readString(expected).replace("lastName: Okafor", "lastName: Okafour"));
        try (TestEngine engine = TestEngine.start()) {
            String url = "http://127.0.0.1:" + engine.engine().httpPort();
            Cli.Result wrong = Cli.run(
                    "replay", adt.toString(), "--host", "127.0.0.1", "--port", "" + engine.mllpPort(), "--url", url);
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.out())
                    .contains("04-a28-add-person-v23")
                    .contains("DIFFERENT")
                    .contains("lastName: expected <Okafour> but was <Okafor>")
                    .contains("1 failed");
        }
        try (TestEngine engine = TestEngine.start()) {
            String url = "http://127.0.0.1:" + engine.engine().httpPort();
            Cli.Result updated = Cli.run(
                    "replay",
                    adt.toString(),
                    "--update",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "" + engine.mllpPort(),
                    "--url",
                    url);
            assertThat(updated.exitCode()).isZero();
            assertThat(Files.readString(expected))
                    .contains("lastName: \"Okafor\"")
                    .doesNotContain("Okafour");
        }
    }

    @Test
    void replayWorksAgainstTheAckServer(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("hl7-samples/adt/01-a04-new-patient-v251.hl7"), dir.resolve("a.hl7"));
        Files.writeString(dir.resolve("a.expected.yaml"), "ack: AA\nerrors: []\n");
        try (AckServer ackServer = AckServer.start("127.0.0.1", 0)) {
            Cli.Result r = Cli.run("replay", dir.toString(), "--host", "127.0.0.1", "--port", "" + ackServer.port());
            assertThat(r.out()).contains("1 passed, 0 failed");
            assertThat(r.exitCode()).isZero();
        }
    }

    /** Copies each named sample with its expectation. */
    private static void copy(Path from, Path to, String... names) throws Exception {
        for (String name : names) {
            for (String file : List.of(name + ".hl7", name + ".expected.yaml")) {
                Files.copy(from.resolve(file), to.resolve(file));
            }
        }
    }
}
