package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Type;
import com.webptbridge.hl7.Hl7Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MessageViewTest {

    private static final Hl7Parser PARSER = new Hl7Parser();

    /** PID-11 (XAD, composite) and PID-8 (IS, primitive) as the sender wrote them; PID-11 given. */
    @ParameterizedTest(name = "PID-{0} = {1} is clear: {2}")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '\'',
            value = {
                "11;\"\";true",
                "11;\"\"^;true",
                "11;\"\"^Town;false",
                "11;^\"\";false",
                "11;1 Main&\"\";false",
                "11;\"\"&x;false",
                "11;1 Main;false",
                "11;\"\"^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^x;false",
                "8;\"\";true",
                "8;F;false",
                "8;\"\"\"\";false"
            })
    void aRepetitionIsClearExactlyWhenItIsTheNullValue(int field, String value, boolean clear) throws Exception {
        String[] fields = new String[12];
        java.util.Arrays.fill(fields, "");
        fields[0] = "PID";
        fields[3] = "P1^^^W^MR";
        fields[field] = value;
        String text = "MSH|^~\\&|W|C|B|F|2026||ADT^A08^ADT_A01|X|P|2.5.1\r" + String.join("|", fields) + "\r";
        MessageView view = new MessageView(PARSER.parse(text), StandardCharsets.UTF_8);
        Type rep = view.repetitions(view.first("PID"), field).get(0);

        assertThat(view.isClear(rep)).isEqualTo(clear);
    }
}
