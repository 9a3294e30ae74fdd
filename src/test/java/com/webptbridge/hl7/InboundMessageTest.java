package com.webptbridge.hl7;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Tolerant about form: line ends and a byte-order mark do not change what a message says. */
class InboundMessageTest {

    private static final String CR =
            "MSH|^~\\&|WEBPT|CLINIC|CMD|BILLING|20261121090000||ADT^A08^ADT_A01|C1|P|2.5.1\rPID|1||P1^^^WEBPT^MR||A^B\r";

    private static InboundMessage read(String text) {
        return InboundMessage.read(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void lfAndCrlfSegmentsAreReadAsCrSegmentsAndTheJournalKeepsWhatArrived() {
        String lf = CR.replace('\r', '\n');
        InboundMessage m = read(lf);

        assertThat(m.text()).isEqualTo(CR);
        assertThat(m.received()).isEqualTo(lf);
        assertThat(read(CR.replace("\r", "\r\n")).text()).isEqualTo(CR);
        assertThat(m.header().controlId()).isEqualTo("C1");
    }

    @Test
    void aDelimiterThatIsAMultiByteCharacterMakesTheMessageUnreadableNotHeaderless() {
        // Byte for byte the header has delimiters; decoded as UTF-8, "\u05D9" is one character too few.
        InboundMessage m = read("MSH|.\u05D9|");

        assertThat(m.readable()).isFalse();
        assertThat(m.problem().reason()).isEqualTo(NakReason.NOT_HL7);
        assertThat(m.problem().sentence()).contains("not single printable ASCII characters in UTF-8");
    }

    @Test
    void anEmojiAsFieldSeparatorIsSaidToBeNoAsciiDelimiter() {
        InboundMessage m = read("MSH\uD83D\uDE00^~\\&\uD83D\uDE00WEBPT\uD83D\uDE00CLINIC\r");

        assertThat(m.readable()).isFalse();
        assertThat(m.header()).isNull();
        assertThat(m.problem().sentence()).contains("not single printable ASCII characters");
        assertThat(read("XYZ|^~\\&|\r").problem().sentence()).contains("does not start with a valid MSH");
    }

    @Test
    void aUtf8ByteOrderMarkBeforeMshIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = CR.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);

        InboundMessage m = InboundMessage.read(bytes, StandardCharsets.UTF_8);

        assertThat(m.readable()).isTrue();
        assertThat(m.text()).isEqualTo(CR);
        assertThat(m.received()).startsWith("\uFEFFMSH");
    }

    @Test
    void theDigestIgnoresTheSendTimeAndLineEndsButNotTheContent() {
        String digest = read(CR).digest();

        assertThat(read(CR.replace("20261121090000", "20261122101010")).digest())
                .isEqualTo(digest);
        assertThat(read(CR.replace('\r', '\n')).digest()).isEqualTo(digest);
        assertThat(read(CR.replace("A^B", "A^C")).digest()).isNotEqualTo(digest);
        assertThat(read(CR.replace("|C1|", "|C2|")).digest()).isNotEqualTo(digest);
    }

    @Test
    void theDigestIsTheParsedSegmentsWhateverTheTerminatorsAndTrailingEmptyParts() {
        String digest = read(CR).digest();
        String noFinalCr = CR.substring(0, CR.length() - 1);

        assertThat(read(noFinalCr).digest()).as("no CR after the last segment").isEqualTo(digest);
        assertThat(read(noFinalCr.replace("\r", "\r\n")).digest())
                .as("CRLF, none at the end")
                .isEqualTo(digest);
        assertThat(read(CR.replace("\r", "\n")).digest()).as("LF").isEqualTo(digest);
        assertThat(read(CR.replace("\r", "\r\n") + "\r\n").digest())
                .as("a blank line at the end")
                .isEqualTo(digest);
        assertThat(read(CR.replace("A^B\r", "A^B||||\r")).digest())
                .as("trailing empty fields")
                .isEqualTo(digest);
        assertThat(read(CR.replace("2.5.1\r", "2.5.1|||\r")).digest())
                .as("in MSH too")
                .isEqualTo(digest);
        assertThat(read(CR.replace("A^B\r", "A^B^^~\r")).digest())
                .as("trailing empty components")
                .isEqualTo(digest);
        // An empty field in the middle is content: it moves the fields after it.
        assertThat(read(CR.replace("||A^B", "|||A^B")).digest()).isNotEqualTo(digest);
        assertThat(read(CR.replace("A^B", "A^^B")).digest()).isNotEqualTo(digest);
    }

    @Test
    void aMessageAlreadyInCanonicalFormHasTheDigestOfItsTextWithoutTheSendTime() throws Exception {
        // Digests journaled before the canonical form are still matched by a resend.
        String withoutSendTime = CR.replace("20261121090000", "");
        String expected = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(withoutSendTime.getBytes(StandardCharsets.UTF_8)));

        assertThat(read(CR).digest()).isEqualTo(expected);
    }
}
