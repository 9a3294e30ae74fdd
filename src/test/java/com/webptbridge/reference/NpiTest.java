package com.webptbridge.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NpiTest {

    @Test
    void acceptsNpisWhoseLuhnCheckOver80840Holds() {
        assertThat(Npi.valid("1234567893")).isTrue(); // CMS's published example
        assertThat(Npi.valid("1679576722")).isTrue();
    }

    @Test
    void refusesWrongCheckDigitsLengthsAndLetters() {
        assertThat(Npi.valid("1234567890")).isFalse();
        assertThat(Npi.valid("123456789")).isFalse();
        assertThat(Npi.valid("12345678930")).isFalse();
        assertThat(Npi.valid("12345678A3")).isFalse();
        assertThat(Npi.valid(null)).isFalse();
    }
}
