package com.webptbridge.store.journal;

/** Where a journaled message stands. */
public enum MessageStatus {
    /** Stored, not yet answered (or the engine stopped before it could answer). */
    RECEIVED,
    /** Applied and committed; the AA is stored. */
    PROCESSED,
    /** Read but not applicable as it stands (AE): kept, reprocessable once fixed. */
    ERROR,
    /** Not acceptable as a message at all (AR). */
    REJECTED,
    /** A resend of a message already PROCESSED: not applied again, the original ACK returned. */
    DUPLICATE
}
