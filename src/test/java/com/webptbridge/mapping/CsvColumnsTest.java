package com.webptbridge.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvColumnsTest {

    enum PayerField {
        SEQUENCE,
        NAME,
        PAYER_ID
    }

    private final CsvColumns<PayerField> columns = new CsvColumns<>(List.of(
            new CsvColumns.Field<>(PayerField.SEQUENCE, List.of("sequence_number", "Sequence #", "Seq No")),
            new CsvColumns.Field<>(PayerField.NAME, List.of("name", "Payer Name")),
            new CsvColumns.Field<>(PayerField.PAYER_ID, List.of("payer_id", "Payer ID"))));

    @Test
    void matchesForeignHeadersWhateverTheirCaseSpacingAndPunctuation() {
        CsvColumns.Match<PayerField> m =
                columns.match(List.of(" SEQ. NO ", "payer  name", "Notes", "PayerID"), Map.of());
        assertThat(m.columns())
                .containsEntry(PayerField.SEQUENCE, 0)
                .containsEntry(PayerField.NAME, 1)
                .containsEntry(PayerField.PAYER_ID, 3);
        assertThat(m.ignored()).containsExactly("Notes");
        assertThat(columns.match(List.of("Sequence #"), Map.of()).column(PayerField.SEQUENCE))
                .contains(0);
    }

    @Test
    void anAnalystNamesAColumnOutright() {
        CsvColumns.Match<PayerField> m = columns.match(List.of("Carrier", "Code"), Map.of("name", "Carrier"));
        assertThat(m.column(PayerField.NAME)).contains(0);
        assertThat(m.column(PayerField.SEQUENCE)).isEmpty();
        assertThatThrownBy(() -> columns.match(List.of("Carrier"), Map.of("colour", "Carrier")))
                .hasMessageContaining("'colour'")
                .hasMessageContaining("sequence_number");
        assertThatThrownBy(() -> columns.match(List.of("Carrier"), Map.of("name", "Insurer")))
                .hasMessageContaining("'Insurer'");
    }
}
