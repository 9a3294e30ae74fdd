package com.webptbridge.cli;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.support.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference commands come from ReferenceKind: a field of a kind is an option of its command. */
class ReferenceCommandsTest {

    // No engine listens here.
    private static final String NOWHERE = "http://127.0.0.1:9";

    @ParameterizedTest
    @EnumSource(ReferenceKind.class)
    void addHelpListsAnOptionWithItsDescriptionForEveryField(ReferenceKind kind) {
        Cli.Result help = Cli.run(kind.cliName(), "add", "--help");

        assertThat(help.exitCode()).as(help.err()).isZero();
        for (ReferenceKind.Field field : kind.fields()) {
            assertThat(help.out()).contains(field.option() + "=<" + field.json() + ">");
            assertThat(help.out().replaceAll("\\s+", " ")).contains(field.description());
        }
    }

    @ParameterizedTest
    @EnumSource(ReferenceKind.class)
    void updateHelpListsEveryFieldAndActivate(ReferenceKind kind) {
        Cli.Result help = Cli.run(kind.cliName(), "update", "--help");

        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("--activate").contains(kind.addressedByCode() ? "CODE" : "SEQUENCE_NUMBER");
        kind.fields().forEach(f -> assertThat(help.out()).contains(f.option()));
    }

    @Test
    void onlyKindsWebPtNamesBySequenceNumberOfferImportOnAdd() {
        assertThat(Cli.run("payer", "add", "--help").out()).contains("--sequence-number");
        assertThat(Cli.run("facility", "add", "--help").out()).contains("--sequence-number");
        assertThat(Cli.run("provider", "add", "--help").out()).contains("--sequence-number");
        assertThat(Cli.run("referring-provider", "add", "--help").out()).doesNotContain("--sequence-number");
        assertThat(Cli.run("procedure-code", "add", "--help").out()).doesNotContain("--sequence-number");
    }

    @Test
    void payerAddAgainstAnUnreachableEngineExitsOneSayingSo() {
        Cli.Result result = Cli.run("payer", "add", "--name", "Humana", "--payer-id", "61101", "--url", NOWHERE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("Cannot reach the engine at " + NOWHERE)
                .doesNotContain("Exception");
    }

    @Test
    void addWithoutRequiredFieldsStillAsksTheEngine() {
        // The engine names every missing field at once; picocli must not refuse first.
        Cli.Result result = Cli.run("payer", "add", "--payer-id", "1", "--url", NOWHERE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Cannot reach the engine");
    }

    @Test
    void theOldAddressOptionStillWorks() {
        Cli.Result result = Cli.run("facility", "update", "8", "--address", "12 Water St", "--url", NOWHERE);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("Cannot reach the engine");
    }

    @Test
    void aKindWithoutASubcommandAsksForOne() {
        Cli.Result result = Cli.run("procedure-code");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required subcommand").contains("deactivate");
    }
}
