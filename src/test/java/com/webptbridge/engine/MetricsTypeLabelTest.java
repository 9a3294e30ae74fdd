package com.webptbridge.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The message-type label is bounded: a made-up MSH-9 must not open a new series. */
class MetricsTypeLabelTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ADT^A04, ADT^A04",
        "ADT^A31, ADT^A31",
        "DFT^P03, DFT^P03",
        "ADT^A99, other",
        "ZZZ^Z01, other",
        "ORU^R01, other",
        "'', other",
    })
    void onlyTheTypesTheEngineMapsAreLabels(String type, String label) {
        assertThat(Metrics.typeLabel(type)).isEqualTo(label);
    }

    @org.junit.jupiter.api.Test
    void noTypeIsOther() {
        assertThat(Metrics.typeLabel(null)).isEqualTo("other");
    }
}
