package com.webptbridge.billing;

import java.math.BigDecimal;

/** A CPT/HCPCS code in the billing system, with the defaults its charges take. */
public record ProcedureCode(
        long sequenceNumber,
        String code,
        String description,
        BigDecimal defaultCharge,
        Integer defaultUnits,
        String defaultRevenueCode,
        boolean active) {

    /**
     * True for what the billing system takes as a CPT/HCPCS code: 5 letters or digits (97110,
     * G0283). A local charge code (WebPT's "EVAL-LOW", a 4-digit price list number) is not one and
     * can never be added, so a charge that carries one must be corrected at the sender.
     */
    public static boolean wellFormed(String code) {
        return code != null && code.matches("[A-Za-z0-9]{5}");
    }
}
