package com.webptbridge.files;

import com.webptbridge.hl7.Hl7Batch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A CSV row becomes an ADT^A28 laid out as WebPT's, values escaped, its control ID a digest of the row. */
class PatientRowsTest {

    private static List<LoadItem> read(String csv) {
        return PatientRows.read(csv.getBytes(StandardCharsets.UTF_8), "CLINICA", "BILLING");
    }

    private static String text(LoadItem item) {
        return new String(item.message(), StandardCharsets.UTF_8);
    }

    @Test
    void aRowIsAnAdtA28WithEachValueWhereWebptPutsIt() {
        LoadItem item = read("Patient #,Surname,Given Name,DOB,Sex,Street,City,State,Postal Code,Cell,E-mail\n"
                        + "P7,Rawson,Lee,12/31/1975,F,1 Main St,Springfield,IL,62701,555-0100,lee@example.com\n")
                .get(0);
        String[] segments = text(item).split("\r");
        assertThat(segments[0])
                .startsWith("MSH|^~\\&|WEBPT-EXPORT|CLINICA|BRIDGE|BILLING|")
                .contains("|ADT^A28^ADT_A05|PL");
        assertThat(segments[1]).startsWith("EVN|A28|");
        assertThat(segments[2])
                .isEqualTo("PID|1||P7^^^^MR||Rawson^Lee||19751231|F|||1 Main St^^Springfield^IL^62701||555-0100^PRN^CP"
                        + "~^NET^Internet^lee@example.com");
        assertThat(item.where()).isEqualTo("row 1");
        assertThat(item.patientKey()).isEqualTo("P7");
    }

    @Test
    void delimitersInAValueAreEscapedAndTheRowStaysOneMessage() {
        String pid = text(read("MRN,Last Name\nP8,\"Smith|Jones^Jr & Co~\\\"\n").get(0))
                .split("\r")[2];
        assertThat(pid).isEqualTo("PID|1||P8^^^^MR||Smith\\F\\Jones\\S\\Jr \\T\\ Co\\R\\\\E\\");
        // A line break inside a quoted cell would end the segment: it becomes a space.
        String broken = text(read("MRN,Last Name\nP8,\"a\r\nb|c\"\n").get(0));
        assertThat(broken.split("\r")).hasSize(3);
        assertThat(broken).endsWith("|P8^^^^MR||a b\\F\\c\r");
    }

    @Test
    void theSameRowHasTheSameControlIdAndAnotherRowAnother() {
        List<LoadItem> items = read("MRN,Last Name\nP1,Ames\nP2,Ames\nP1,Ames\n\n");
        assertThat(items).hasSize(3);
        assertThat(Pid3.ids(items.get(0).message())).containsExactly("P1");
        String c0 = text(items.get(0)).split("\\|")[9];
        assertThat(text(items.get(2)).split("\\|")[9]).isEqualTo(c0);
        assertThat(text(items.get(1)).split("\\|")[9]).isNotEqualTo(c0);
    }

    @Test
    void aCsvWithoutAPatientIdColumnIsRefusedNamingItsColumns() {
        assertThatThrownBy(() -> read("Last Name,First Name\nAmes,Bo\n"))
                .hasMessageContaining("no patient ID column")
                .hasMessageContaining("[Last Name, First Name]");
    }

    @Test
    void datesAreWrittenAsHl7DatesWhenTheExportUsesACommonFormAndLeftForTheRulesOtherwise() {
        assertThat(PatientRows.date("1975-12-31")).isEqualTo("19751231");
        assertThat(PatientRows.date("3/7/1980")).isEqualTo("19800307");
        assertThat(PatientRows.date("19800307")).isEqualTo("19800307");
        assertThat(PatientRows.date("31/31/1990")).isEqualTo("31/31/1990");
    }

    @Test
    void pid3GivesEveryRepetitionsIdWithTheMessagesOwnDelimiters() {
        byte[] m = "MSH#*~\\&#A\rPID#1##X1*^^MR~X2*^^PI#\r".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Pid3.ids(m)).containsExactly("X1", "X2");
        assertThat(Pid3.first("nonsense".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }

    @Test
    void aBatchFileIsAnsweredWithABatchAckNamingItsControlIds() {
        Hl7Batch batch = Hl7Batch.read(("FHS|^~\\&|WEBPT|CLINIC|CMD|BILLING|2026||||F1\nBHS|^~\\&|WEBPT|CLINIC|CMD"
                        + "|BILLING|2026||||B1\nMSH|^~\\&|WEBPT|CLINIC|CMD|BILLING|2026||ADT^A28|M1|P|2.5.1\nBTS|1\nFTS|1")
                .getBytes(StandardCharsets.ISO_8859_1));
        String ack = FileDrop.batchAck(batch, List.of("MSH|...\rMSA|AA|M1\r"));
        String[] lines = ack.split("\r");
        assertThat(lines[0]).startsWith("FHS|^~\\&|CMD|BILLING|WEBPT|CLINIC|").endsWith("|||||F1");
        assertThat(lines[1]).startsWith("BHS|^~\\&|CMD|BILLING|WEBPT|CLINIC|").endsWith("|||||B1");
        assertThat(lines).containsSubsequence("MSA|AA|M1", "BTS|1", "FTS|1");
    }
}
