package com.webptbridge.hl7;

import com.webptbridge.support.Hl7Builder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Hl7BatchTest {

    private static String lf(Hl7Builder b) {
        return b.text().replace('\r', '\n');
    }

    @Test
    void splitsABatchFileWithLfLineEndsIntoItsMessages() {
        String file =
                "FHS|^~\\&|WebPT\nBHS|^~\\&|WebPT\n" + lf(Hl7Builder.adt("A28").controlId("C1"))
                        + lf(Hl7Builder.adt("A28").controlId("C2")) + "BTS|2\nFTS|1\n";
        Hl7Batch batch = Hl7Batch.read(file.getBytes(StandardCharsets.UTF_8));
        assertThat(batch.isHl7()).isTrue();
        assertThat(batch.isBatch()).isTrue();
        assertThat(batch.messages()).hasSize(2);
        String first = new String(batch.messages().get(0), StandardCharsets.ISO_8859_1);
        assertThat(first).startsWith("MSH|").contains("C1").doesNotContain("\n").endsWith("\r");
        assertThat(first).doesNotContain("BTS").doesNotContain("C2");
    }

    @Test
    void readsCrlfMessagesWithoutBatchSegmentsAndKeepsTheirBytes() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String one = Hl7Builder.adt("A08").controlId("X1").text();
        byte[] file = (new String(bom, StandardCharsets.ISO_8859_1) + one.replace("\r", "\r\n") + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Hl7Batch batch = Hl7Batch.read(file);
        assertThat(batch.isBatch()).isFalse();
        assertThat(batch.messages()).hasSize(1);
        assertThat(new String(batch.messages().get(0), StandardCharsets.ISO_8859_1))
                .isEqualTo(one.endsWith("\r") ? one : one + "\r");
    }

    @Test
    void aFileThatIsNotHl7SaysWhy() {
        Hl7Batch csv = Hl7Batch.read("patient_id,last_name\n1,Doe\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csv.isHl7()).isFalse();
        assertThat(csv.problem()).contains("line 1").contains("not HL7");
        assertThat(Hl7Batch.read(new byte[0]).problem()).contains("no MSH");
    }
}
