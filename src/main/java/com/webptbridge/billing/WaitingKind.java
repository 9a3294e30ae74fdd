package com.webptbridge.billing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a message in ERROR can wait for: a reference record the billing side lacks, or (for a
 * rendering provider) NPIs that differ between WebPT and billing. Each is released by one
 * reference kind; the worklist groups by it (its titles and actions are in {@code hl7.Sentence}).
 */
public enum WaitingKind {
    PAYER(ReferenceKind.PAYER),
    FACILITY(ReferenceKind.FACILITY),
    PROVIDER(ReferenceKind.PROVIDER),
    NPI_MISMATCH(ReferenceKind.PROVIDER),
    REFERRING_PROVIDER(ReferenceKind.REFERRING_PROVIDER),
    PROCEDURE_CODE(ReferenceKind.PROCEDURE_CODE);

    private final ReferenceKind releasedBy;

    WaitingKind(ReferenceKind releasedBy) {
        this.releasedBy = releasedBy;
    }

    /** The kind of record whose creation or change releases messages waiting for this. */
    public ReferenceKind releasedBy() {
        return releasedBy;
    }

    /** How the journal, the API and the CLI spell it: {@code payer}, {@code npi-mismatch}, ... */
    public String code() {
        return this == NPI_MISMATCH ? "npi-mismatch" : releasedBy.cliName();
    }

    /** The kind spelled {@code code}; a typo fails naming the valid spellings. */
    public static WaitingKind parse(String code) {
        return Arrays.stream(values())
                .filter(w -> w.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown kind '" + code + "': use one of "
                        + Arrays.stream(values()).map(WaitingKind::code).collect(Collectors.joining(", ")) + "."));
    }
}
