package com.webptbridge.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One charge as posted: a known procedure code, with units, amount and revenue code already taken
 * from the message or defaulted from the code.
 */
public record ChargeLine(
        String transactionId,
        LocalDate serviceDate,
        String procedureCode,
        List<String> modifiers,
        BigDecimal units,
        BigDecimal amount,
        String revenueCode,
        List<Integer> diagnosisPointers) {

    public ChargeLine {
        modifiers = List.copyOf(modifiers);
        diagnosisPointers = List.copyOf(diagnosisPointers);
    }
}
