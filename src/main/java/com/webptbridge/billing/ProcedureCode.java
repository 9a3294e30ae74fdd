package com.webptbridge.billing;

import com.webptbridge.billing.ReferenceKind.Check;

import java.math.BigDecimal;

/** A CPT/HCPCS code in the billing system, with the defaults its charges take. */
public record ProcedureCode(
        long sequenceNumber,
        @Maintained(
                        check = Check.PROCEDURE_CODE,
                        required = true,
                        max = 10,
                        description = "5-character CPT/HCPCS code, e.g. 97110")
                String code,
        @Maintained(required = true, max = 200, description = "What the code is, e.g. Therapeutic exercise 15 min")
                String description,
        @Maintained(
                        check = Check.AMOUNT,
                        max = 12,
                        description = "Charge per unit when the message gives no amount, e.g. 45.00")
                BigDecimal defaultCharge,
        @Maintained(check = Check.UNITS, max = 4, description = "Units when the message gives none (without it: 1)")
                Integer defaultUnits,
        @Maintained(
                        check = Check.REVENUE_CODE,
                        max = 4,
                        description = "4-digit revenue code when the message gives none, e.g. 0420")
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
