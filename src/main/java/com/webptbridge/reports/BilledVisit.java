package com.webptbridge.reports;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of WebPT's list: a procedure billed for a patient on a date of service, with its units and,
 * when the list has them, its amount and WebPT's visit or claim ID. {@code row} is its line in the
 * file (the header being line 1), as the analyst finds it in a spreadsheet.
 */
public record BilledVisit(
        int row,
        String patientId,
        LocalDate serviceDate,
        String procedureCode,
        BigDecimal units,
        BigDecimal amount,
        String visitId) {}
