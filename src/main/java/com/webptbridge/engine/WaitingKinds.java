package com.webptbridge.engine;

/** The kinds of reference a message in ERROR can wait for; the worklist groups by them. */
final class WaitingKinds {

    static final String PAYER = "payer";
    static final String FACILITY = "facility";
    static final String PROVIDER = "provider";
    static final String NPI_MISMATCH = "npi-mismatch";
    static final String REFERRING_PROVIDER = "referring-provider";
    static final String PROCEDURE_CODE = "procedure-code";

    private WaitingKinds() {
    }
}
