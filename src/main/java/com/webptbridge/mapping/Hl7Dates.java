package com.webptbridge.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;

/** HL7 DT/TS values as calendar dates: the first 8 characters, YYYYMMDD; time and zone are ignored. */
final class Hl7Dates {

    private Hl7Dates() {}

    /** The date, or null when the value does not start with a valid YYYYMMDD. */
    static LocalDate parse(String value) {
        String v = value.trim();
        if (v.length() < 8 || !v.substring(0, 8).chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(v.substring(0, 4)),
                    Integer.parseInt(v.substring(4, 6)),
                    Integer.parseInt(v.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
