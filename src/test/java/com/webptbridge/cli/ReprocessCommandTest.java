package com.webptbridge.cli;

import com.webptbridge.support.Cli;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reprocess command refuses what it cannot mean before it asks the engine anything. */
class ReprocessCommandTest {

    @Test
    void aMisspelledWaitingKindExitsTwoNamingTheValidKinds() {
        // No engine listens on this URL: the refusal must come before any request.
        Cli.Result result = Cli.run("reprocess", "--waiting", "payers:1042", "--url", "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("payers")
                .contains("payer, facility, provider, npi-mismatch, referring-provider, procedure-code");
    }

    @Test
    void aWaitingFilterWithoutAKeyExitsTwo() {
        Cli.Result result = Cli.run("reprocess", "--waiting", "payer", "--url", "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("KIND:KEY");
    }

    @Test
    void noIdsAndNoFilterAsksForAllInsteadOfReprocessingEverything() {
        // No engine listens on this URL: the refusal must come before any request.
        Cli.Result result = Cli.run("reprocess", "--url", "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--all").contains("--dry-run");
    }
}
