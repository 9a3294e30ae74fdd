package com.webptbridge.inbound;

import com.webptbridge.hl7.MessageHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    private static MessageHeader withControlId(String controlId) {
        return MessageHeader.read("MSH|^~\\&|WEBPT|CLINIC|CMD|BILLING|20261127||ADT^A08|" + controlId + "|P|2.5.1\r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MSG00001", "20261127120000123", "DB-1", "W1.2_3", "123456"})
    void aControlIdIsLoggedAsItIs(String controlId) {
        assertThat(LogSafe.controlId(withControlId(controlId))).isEqualTo(controlId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"123-45-6789", "123456789", "SMITH", "SMITH^JOHN", "Jane Doe 1970", "A1234567890123456789XYZ"})
    void anythingElseIsLoggedAsAShortHash(String misplaced) {
        String logged = LogSafe.controlId(withControlId(misplaced));

        assertThat(logged).matches("#[0-9a-f]{10}").doesNotContain(misplaced);
        assertThat(LogSafe.controlId(withControlId(misplaced)))
                .as("the same value, the same hash")
                .isEqualTo(logged);
    }

    @Test
    void twoValuesHashApart() {
        assertThat(LogSafe.controlId(withControlId("123-45-6789")))
                .isNotEqualTo(LogSafe.controlId(withControlId("123-45-6788")));
        assertThat(LogSafe.controlId(withControlId(""))).isEqualTo("-");
        assertThat(LogSafe.controlId(null)).isEqualTo("-");
    }
}
