package com.webptbridge.store.findings;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored finding: where it was found (interface, test sandbox or live, journal entry,
 * encounter, charge), which rule and what it said, the encounter's provider, facility, payer and
 * date of service (for the Needs review filters), and its status: {@code open}, {@code resolved}
 * or {@code dismissed}, with who decided, when and why.
 */
public record ClaimFinding(
        long id,
        String interfaceId,
        boolean test,
        long journalId,
        Long encounterId,
        String visitNumber,
        int charge,
        String procedureCode,
        String rule,
        String location,
        String text,
        LocalDate serviceDate,
        Long providerSequence,
        Long facilitySequence,
        Long payerSequence,
        String payerClass,
        Instant createdAt,
        String status,
        String resolvedBy,
        Instant resolvedAt,
        String reason) {

    /** What a rule found, before it is stored: the columns a new finding is written with. */
    public record New(
            int charge,
            String procedureCode,
            String rule,
            String location,
            String text,
            LocalDate serviceDate,
            Long providerSequence,
            Long facilitySequence,
            Long payerSequence,
            String payerClass) {}
}
