package com.webptbridge.hl7;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageHeaderTest {

    @ParameterizedTest(name = "MSH-{0}.{1} = ''{2}''")
    @CsvSource(
            delimiter = ';',
            value = {
                "9;1;DFT",
                "9;2;P03",
                "9;3;DFT_P03",
                "9;4;''",
                "4;1;CLINIC",
                "4;2;''",
                "6;1;FIRST",
                "6;2;ONE",
                "3;1;WEBPT",
                "5;1;''"
            })
    void aComponentIsReadFromTheFirstRepetitionWithTheMessagesOwnSeparator(int field, int component, String expected) {
        MessageHeader standard = MessageHeader.read(
                "MSH|^~\\&|WEBPT|CLINIC||FIRST^ONE~SECOND^TWO|20261127||DFT^P03^DFT_P03|C1|P|2.5.1\r");
        MessageHeader foreign = MessageHeader.read(
                "MSH#$%\\&#WEBPT#CLINIC##FIRST$ONE%SECOND$TWO#20261127##DFT$P03$DFT_P03#C1#P#2.5.1\r");

        assertThat(standard.component(field, component)).isEqualTo(expected);
        assertThat(foreign.component(field, component)).isEqualTo(expected);
    }

    /**
     * Delimiters outside printable ASCII are not delimiters: HAPI splits by code point, so an emoji
     * (a surrogate pair) as field separator split the ACK's MSH differently (a fuzz finding).
     */
    @ParameterizedTest(name = "field separator U+{0}")
    @ValueSource(strings = {"D83D", "0007", "00A6", "0020"})
    void aSeparatorOutsidePrintableAsciiIsNoHeader(String hex) {
        char fs = (char) Integer.parseInt(hex, 16);
        String text = "MSH" + fs + "^~\\&" + fs + "W" + fs + "W" + fs + "B" + fs + "B" + fs + "20261127" + fs + fs
                + "ADT^A08" + fs + "C1" + fs + "P" + fs + "2.5.1\r";

        assertThat(MessageHeader.read(text)).isNull();
        assertThat(MessageHeader.read(text.replace(fs, '|'))).isNotNull();
    }
}
