package com.webptbridge.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One FT1 charge as mapped: the procedure code as a key still to resolve, and units, amount and
 * revenue code only when the message gave them (the code's defaults fill the rest in resolution).
 */
public record MappedCharge(
        String transactionId,
        LocalDate serviceDate,
        Keyed procedureCode,
        List<String> modifiers,
        BigDecimal units,
        BigDecimal amount,
        BigDecimal unitAmount,
        String revenueCode,
        List<Integer> diagnosisPointers) {

    public MappedCharge {
        modifiers = List.copyOf(modifiers);
        diagnosisPointers = List.copyOf(diagnosisPointers);
    }
}
