package com.webptbridge.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One FT1 charge. Units, amount and revenue code may be null as mapped: the procedure code's
 * defaults fill them in before posting.
 */
public record ChargeLine(String transactionId, LocalDate serviceDate, Keyed procedureCode, List<String> modifiers,
                         BigDecimal units, BigDecimal amount, BigDecimal unitAmount, String revenueCode,
                         List<Integer> diagnosisPointers) {

    public ChargeLine {
        modifiers = List.copyOf(modifiers);
        diagnosisPointers = List.copyOf(diagnosisPointers);
    }

    public ChargeLine withDefaults(BigDecimal units, BigDecimal amount, String revenueCode) {
        return new ChargeLine(transactionId, serviceDate, procedureCode, modifiers, units, amount, unitAmount,
                revenueCode, diagnosisPointers);
    }
}
