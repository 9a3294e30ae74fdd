package com.webptbridge.cli;

import com.webptbridge.support.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay's ordinary mistakes are one line that says what to fix, never a stack trace. */
class ReplayCommandTest {

    @Test
    void aBrokenExpectationFileIsOneLineNamingItWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("hl7-samples/adt/01-a04-new-patient-v251.hl7"), dir.resolve("s.hl7"));
        Files.writeString(dir.resolve("s.expected.yaml"), "ack: [AA\nerrors: {\n");

        Cli.Result r = Cli.run("replay", dir.toString(), "--port", "9", "--url", "http://127.0.0.1:9");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("s.expected.yaml").doesNotContain("\tat ");
    }

    @Test
    void aMissingFolderIsOneLineWithoutAStackTrace() {
        Cli.Result r = Cli.run("replay", "no/such/folder", "--port", "9", "--url", "http://127.0.0.1:9");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("no/such/folder").doesNotContain("\tat ");
    }
}
