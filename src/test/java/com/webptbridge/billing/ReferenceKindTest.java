package com.webptbridge.billing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reference kinds and waiting kinds: names that are typed by people, and what a new record releases. */
class ReferenceKindTest {

    @Test
    void byPathFindsEachKindByItsApiPath() {
        assertThat(ReferenceKind.byPath("payers")).isEqualTo(ReferenceKind.PAYER);
        assertThat(ReferenceKind.byPath("facilities")).isEqualTo(ReferenceKind.FACILITY);
        assertThat(ReferenceKind.byPath("providers")).isEqualTo(ReferenceKind.PROVIDER);
        assertThat(ReferenceKind.byPath("referring-providers")).isEqualTo(ReferenceKind.REFERRING_PROVIDER);
        assertThat(ReferenceKind.byPath("procedure-codes")).isEqualTo(ReferenceKind.PROCEDURE_CODE);
    }

    @Test
    void aFieldIsLabelledInTheAnalystsWordsNotByItsName() {
        assertThat(ReferenceKind.PAYER.field("payerId").label()).isEqualTo("Payer ID");
        assertThat(ReferenceKind.PAYER.field("addressLine1").label()).isEqualTo("Address line 1");
        assertThat(ReferenceKind.PAYER.field("planType").label()).isEqualTo("Plan type");
        assertThat(ReferenceKind.PAYER.field("zip").label()).isEqualTo("ZIP code");
        assertThat(ReferenceKind.FACILITY.field("npi").label()).isEqualTo("NPI");
        assertThat(ReferenceKind.FACILITY.field("placeOfService").label()).isEqualTo("Place of service");
        assertThat(ReferenceKind.PROCEDURE_CODE.field("defaultRevenueCode").label())
                .isEqualTo("Default revenue code");
        for (ReferenceKind kind : ReferenceKind.values()) {
            for (ReferenceKind.Field f : kind.fields()) {
                assertThat(f.label()).as(f.json()).doesNotContainPattern("[a-z][A-Z]");
            }
        }
    }

    @Test
    void byPathRefusesAnUnknownPathNamingTheValidOnes() {
        assertThatThrownBy(() -> ReferenceKind.byPath("payer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'payer'")
                .hasMessageContaining("payers, facilities, providers, referring-providers, procedure-codes");
        assertThat(ReferenceKind.isPath("payer")).isFalse();
        assertThat(ReferenceKind.isPath("payers")).isTrue();
    }

    @Test
    void waitingKindParseReadsEachSpelling() {
        for (WaitingKind kind : WaitingKind.values()) {
            assertThat(WaitingKind.parse(kind.code())).isEqualTo(kind);
        }
        assertThat(WaitingKind.parse("npi-mismatch")).isEqualTo(WaitingKind.NPI_MISMATCH);
        assertThat(WaitingKind.parse("referring-provider")).isEqualTo(WaitingKind.REFERRING_PROVIDER);
    }

    @Test
    void waitingKindParseRefusesAnUnknownNameNamingTheValidOnes() {
        assertThatThrownBy(() -> WaitingKind.parse("payers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'payers'")
                .hasMessageContaining("payer, facility, provider, npi-mismatch, referring-provider, procedure-code");
    }

    @Test
    void aProviderReleasesMessagesWaitingForItAndForAnNpiMismatch() {
        assertThat(ReferenceKind.PROVIDER.releases()).containsExactly(WaitingKind.PROVIDER, WaitingKind.NPI_MISMATCH);
    }

    @Test
    void everyOtherKindReleasesOnlyItsOwnWaitingKind() {
        assertThat(ReferenceKind.PAYER.releases()).containsExactly(WaitingKind.PAYER);
        assertThat(ReferenceKind.FACILITY.releases()).containsExactly(WaitingKind.FACILITY);
        assertThat(ReferenceKind.REFERRING_PROVIDER.releases()).containsExactly(WaitingKind.REFERRING_PROVIDER);
        assertThat(ReferenceKind.PROCEDURE_CODE.releases()).containsExactly(WaitingKind.PROCEDURE_CODE);
    }

    @Test
    void fieldOptionIsTheCliSpellingOfTheJsonName() {
        assertThat(ReferenceKind.PROCEDURE_CODE.field("defaultRevenueCode").option())
                .isEqualTo("--default-revenue-code");
        assertThat(ReferenceKind.FACILITY.field("placeOfService").option()).isEqualTo("--place-of-service");
        assertThat(ReferenceKind.PAYER.field("addressLine1").option()).isEqualTo("--address-line1");
        assertThat(ReferenceKind.PROVIDER.field("npi").option()).isEqualTo("--npi");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheKind() {
        assertThatThrownBy(() -> ReferenceKind.PROCEDURE_CODE.field("revenueCode"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure code has no field revenueCode");
    }

    @Test
    void tablesAndWaitingKeysFollowTheKind() {
        assertThat(ReferenceKind.REFERRING_PROVIDER.table()).isEqualTo("referring_provider");
        assertThat(ReferenceKind.PROCEDURE_CODE.table()).isEqualTo("procedure_code");
        Map<String, Object> record = Map.of("sequenceNumber", 7L, "npi", "1234567893", "code", "97110");
        assertThat(ReferenceKind.FACILITY.waitingKey(record)).isEqualTo("7");
        assertThat(ReferenceKind.PROVIDER.waitingKey(record)).isEqualTo("7");
        assertThat(ReferenceKind.REFERRING_PROVIDER.waitingKey(record)).isEqualTo("1234567893");
        assertThat(ReferenceKind.PROCEDURE_CODE.waitingKey(record)).isEqualTo("97110");
    }

    @Test
    void procedureCodeInstructionsNameTheDefaultRevenueCodeOnlyWhenThereIsOne() {
        assertThat(ReferenceKind.PROCEDURE_CODE.instructions(Map.of("code", "97110", "defaultRevenueCode", "0420")))
                .isEqualTo(
                        "Charges with 97110 can now be posted and take revenue code 0420 unless the message names one.");
        assertThat(ReferenceKind.PROCEDURE_CODE.instructions(Map.of("code", "97110")))
                .isEqualTo("Charges with 97110 can now be posted.");
    }
}
