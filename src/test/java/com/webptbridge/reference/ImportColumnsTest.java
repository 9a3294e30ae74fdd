package com.webptbridge.reference;

import com.webptbridge.billing.ReferenceKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportColumnsTest {

    @Test
    void theHeadersBillingExportsUseFindTheirFieldsWhateverTheCaseAndSpacing() {
        assertThat(columns(ReferenceKind.PAYER, "SEQUENCE #", "payer  name", "Payer ID"))
                .containsEntry("sequenceNumber", "SEQUENCE #")
                .containsEntry("name", "payer  name")
                .containsEntry("payerId", "Payer ID");
        assertThat(columns(ReferenceKind.PROVIDER, "Seq No", "Last Name", "First Name", "npi"))
                .containsEntry("sequenceNumber", "Seq No")
                .containsEntry("npi", "npi");
        assertThat(columns(ReferenceKind.PROCEDURE_CODE, "CPT Code", "Description", "Revenue Code"))
                .containsEntry("code", "CPT Code")
                .containsEntry("defaultRevenueCode", "Revenue Code");
    }

    @Test
    void ourOwnHeadersReadBackAsTheyAreWritten() {
        for (ReferenceKind kind : ReferenceKind.values()) {
            List<String> ours = ImportColumns.fields(kind);
            assertThat(columns(kind, ours.toArray(String[]::new)).keySet())
                    .as(kind.path())
                    .containsExactlyElementsOf(ours);
        }
    }

    private static Map<String, String> columns(ReferenceKind kind, String... headers) {
        try {
            return ImportFile.read(kind, "t.csv", String.join(",", headers).getBytes(), Map.of())
                    .columns();
        } catch (ReferenceException e) {
            throw new AssertionError(e);
        }
    }
}
