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
        boolean active) {}
