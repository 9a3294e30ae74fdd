package com.webptbridge.billing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a message in ERROR can wait for: a reference record the billing side lacks, or (for a
 * rendering provider) NPIs that differ between WebPT and billing. Each is released by one
 * reference kind; the worklist groups by it and says what to do.
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

    /** The worklist line's title, e.g. "Payer Alternate ID 1042 (IN1-3)". */
    public String title(String key, String at) {
        return switch (this) {
            case PAYER -> "Payer Alternate ID " + key + at;
            case FACILITY -> "Facility Alternate ID " + key + at;
            case PROVIDER -> "Rendering provider Alternate ID " + key + at;
            case NPI_MISMATCH -> "NPI mismatch for rendering provider " + key + at;
            case REFERRING_PROVIDER -> "Referring provider NPI " + key + at;
            case PROCEDURE_CODE -> "Procedure code " + key + at;
        };
    }

    /** What the analyst does so that the waiting messages go through. */
    public String action(String key) {
        return switch (this) {
            case PAYER -> "Add the payer in the billing system (or import it under Sequence Number " + key + ").";
            case FACILITY -> "Add the facility in the billing system (or import it under Sequence Number " + key + ").";
            case PROVIDER -> "Add the provider with WebPT's NPI (or import it under Sequence Number " + key + ").";
            case NPI_MISMATCH -> mismatchAction(key, null);
            case REFERRING_PROVIDER -> "Add the referring provider with this NPI.";
            case PROCEDURE_CODE -> "Add the CPT/HCPCS code in the billing system.";
        };
    }

    /**
     * What the analyst does when the record the messages wait for exists but is inactive;
     * {@code recordKey} addresses the record (its Sequence Number or code).
     */
    public String inactiveAction(String recordKey) {
        return "The " + releasedBy.noun() + " " + recordKey + " exists in the billing system but is inactive:"
                + " reactivate it (" + releasedBy.reactivation(recordKey) + "); the waiting messages are then"
                + " reprocessed. Do not add it again.";
    }

    /**
     * For an NPI mismatch: which NPI comes from where, and which side to correct. {@code billingNpi}
     * is the billing record's NPI (null when unknown); WebPT's NPI is in the detail (the NAK text).
     */
    public static String mismatchAction(String sequenceNumber, String billingNpi) {
        return "WebPT sends a different NPI for rendering provider " + sequenceNumber + " (see the detail) than the"
                + " billing record has" + (billingNpi == null ? "" : " (" + billingNpi + ")")
                + ". Check both against NPPES. Only if WebPT's NPI is right, correct the billing record's NPI"
                + " (`bridge provider update " + sequenceNumber + " --npi <WebPT's NPI>`, which reprocesses the"
                + " waiting messages); otherwise correct the NPI in WebPT and have WebPT resend.";
    }
}
