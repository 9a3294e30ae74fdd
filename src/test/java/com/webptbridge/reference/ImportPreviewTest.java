package com.webptbridge.reference;

import com.webptbridge.billing.ReferenceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportPreviewTest {

    private static final List<Map<String, Object>> PAYERS = List.of(
            payer(1042, "Blue Cross Blue Shield of Illinois", "00621", "60680", "Commercial"),
            payer(1043, "Medicare Part B Illinois", "06102", "46206", "Medicare"),
            payer(1050, "Aetna", "60054", "79998", "Commercial"));

    private static final List<Map<String, Object>> PROVIDERS = List.of(
            provider(12, "Reyes", "Maria", "1234567893", "225100000X"),
            provider(14, "Chen", "David", "1679576722", "225100000X"));

    @Test
    void aCmdPayerExportWithForeignHeadersIsReadByItsHeaders() throws Exception {
        ImportFile file = fixture(ReferenceKind.PAYER, "cmd-payers.csv");

        assertThat(file.columns())
                .containsEntry("sequenceNumber", "Sequence #")
                .containsEntry("name", "Payer Name")
                .containsEntry("payerId", "Payer ID")
                .containsEntry("addressLine1", "Address")
                .containsEntry("zip", "Zip Code")
                .containsEntry("planType", "Financial Class");
        assertThat(file.ignored()).containsExactly("Phone");
        assertThat(file.rows()).hasSize(6);
    }

    @Test
    void aPayerExportPreviewsAddsChangesUnchangedAndRefusals() throws Exception {
        ImportPreview p = ImportPreview.of(fixture(ReferenceKind.PAYER, "cmd-payers.csv"), PAYERS);

        assertThat(p.unchanged()).extracting(ImportPreview.Unchanged::key).containsExactly("1042");
        assertThat(p.change()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("1043");
            assertThat(c.fields()).containsExactly(new ImportPreview.FieldChange("zip", "46206", "46207"));
        });
        assertThat(p.add()).extracting(ImportPreview.Add::sequenceNumber).containsExactly(1099L, 1100L);
        assertThat(p.refused())
                .extracting(ImportPreview.Refused::row, ImportPreview.Refused::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, ImportRefusal.SEQUENCE_NUMBER_TAKEN),
                        org.assertj.core.groups.Tuple.tuple(5, ImportRefusal.DUPLICATE_ROW));
        assertThat(p.refused().get(0).sentence())
                .contains("Sequence Number 1050 is already payer 1050 (Aetna)")
                .contains("'Aetna Better Health'");
        assertThat(p.refused().get(1).sentence()).contains("repeats row 4");
        assertThat(p.counts()).isEqualTo(new ImportPreview.Counts(2, 1, 1, 2));
    }

    @Test
    void aProviderExportRefusesABadCheckDigitAndAnNpiOfAnotherProvider() throws Exception {
        ImportPreview p = ImportPreview.of(fixture(ReferenceKind.PROVIDER, "cmd-providers.csv"), PROVIDERS);

        assertThat(p.unchanged()).extracting(ImportPreview.Unchanged::key).containsExactly("12");
        assertThat(p.change()).singleElement().satisfies(c -> assertThat(c.fields())
                .containsExactly(new ImportPreview.FieldChange("taxonomy", "225100000X", "2251X0800X")));
        assertThat(p.refused())
                .extracting(ImportPreview.Refused::reason)
                .containsExactly(ImportRefusal.BAD_NPI, ImportRefusal.NPI_TAKEN);
        assertThat(p.refused().get(0).sentence()).contains("1234567890 is not a valid NPI");
        assertThat(p.refused().get(1).sentence()).contains("1679576722 already belongs to provider 14 (Chen, David)");
        assertThat(p.add()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("Lee, Sam"));
    }

    @Test
    void theSameFileAgainstWhatItAddedAndChangedChangesNothing() throws Exception {
        ImportFile file = fixture(ReferenceKind.PAYER, "cmd-payers.csv");
        List<Map<String, Object>> after =
                new java.util.ArrayList<>(PAYERS.stream().map(HashMap::new).toList());
        after.get(1).put("zip", "46207");
        after.add(payer(1099, "Humana", "61101", "40512", "Commercial"));
        after.add(payer(1100, "UnitedHealthcare", "87726", "84130", "Commercial"));
        after.get(3).putAll(Map.of("addressLine1", "PO Box 14601", "city", "Lexington", "state", "KY"));
        after.get(4).putAll(Map.of("addressLine1", "PO Box 30555", "city", "Salt Lake City", "state", "UT"));

        ImportPreview again = ImportPreview.of(file, after);

        assertThat(again.changesNothing()).isTrue();
        assertThat(again.unchanged()).hasSize(4);
    }

    @Test
    void aRowWithoutASequenceNumberMatchesByNameAndAnInactiveRecordIsReactivated() throws Exception {
        Map<String, Object> inactive = new HashMap<>(PAYERS.get(2));
        inactive.put("active", false);
        ImportFile file = read(
                ReferenceKind.PAYER,
                "Carrier,EDI\nAetna,60054\nCigna,62308\n",
                Map.of("name", "Carrier", "payerId", "EDI"));

        ImportPreview p = ImportPreview.of(file, List.of(inactive));

        assertThat(p.change()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("1050");
            assertThat(c.reactivates()).isTrue();
        });
        assertThat(p.add()).singleElement().satisfies(a -> assertThat(a.sequenceNumber())
                .isNull());
    }

    @Test
    void aRowMissingARequiredFieldIsRefusedNamingIt() throws Exception {
        ImportPreview p =
                ImportPreview.of(read(ReferenceKind.PAYER, "Seq No,Payer Name\n1200,Cigna\n", Map.of()), List.of());

        assertThat(p.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(ImportRefusal.INVALID);
            assertThat(r.sentence()).contains("payerId is required");
        });
    }

    @Test
    void procedureCodesMatchByCodeAndCompareAmountsAsMoney() throws Exception {
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("sequenceNumber", 1L);
        code.put("code", "97110");
        code.put("description", "Therapeutic exercise 15 min");
        code.put("defaultCharge", new BigDecimal("45.00"));
        code.put("defaultUnits", 1);
        code.put("defaultRevenueCode", "0420");
        code.put("active", true);
        ImportFile file = read(
                ReferenceKind.PROCEDURE_CODE,
                "CPT Code,Description,Fee,Units,Rev Code\n97110,Therapeutic exercise 15 min,45,1,0420\n"
                        + "97140,Manual therapy 15 min,42.5,1,0420\n",
                Map.of());

        ImportPreview p = ImportPreview.of(file, List.of(code));

        assertThat(p.unchanged()).extracting(ImportPreview.Unchanged::key).containsExactly("97110");
        assertThat(p.add()).singleElement().satisfies(a -> assertThat(a.values())
                .containsEntry("defaultCharge", new BigDecimal("42.5")));
    }

    @Test
    void aColumnsMappingToAHeaderTheFileLacksIsRefused() {
        assertThatThrownBy(() -> read(ReferenceKind.PAYER, "Name,ID\nA,1\n", Map.of("payerId", "EDI")))
                .isInstanceOf(ReferenceException.class)
                .hasMessageContaining("'EDI'");
    }

    private static ImportFile fixture(ReferenceKind kind, String name) throws IOException, ReferenceException {
        try (InputStream in = ImportPreviewTest.class.getResourceAsStream("/imports/" + name)) {
            return ImportFile.read(kind, name, in.readAllBytes(), Map.of());
        }
    }

    private static ImportFile read(ReferenceKind kind, String csv, Map<String, String> columns)
            throws ReferenceException {
        return ImportFile.read(kind, "test.csv", csv.getBytes(StandardCharsets.UTF_8), columns);
    }

    private static Map<String, Object> payer(long seq, String name, String payerId, String zip, String planType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequenceNumber", seq);
        m.put("name", name);
        m.put("payerId", payerId);
        m.put("addressLine1", seq == 1042 ? "PO Box 805107" : seq == 1043 ? "PO Box 6475" : "PO Box 981106");
        m.put("city", seq == 1042 ? "Chicago" : seq == 1043 ? "Indianapolis" : "El Paso");
        m.put("state", seq == 1042 ? "IL" : seq == 1043 ? "IN" : "TX");
        m.put("zip", zip);
        m.put("planType", planType);
        m.put("active", true);
        return m;
    }

    private static Map<String, Object> provider(long seq, String last, String first, String npi, String taxonomy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequenceNumber", seq);
        m.put("lastName", last);
        m.put("firstName", first);
        m.put("npi", npi);
        m.put("taxonomy", taxonomy);
        m.put("active", true);
        return m;
    }
}
