package com.webptbridge.inbound;

/**
 * What the commit step does with a message's outcome; carried by the message itself, so live
 * traffic, reprocessing and a dry run all take the same route.
 */
public enum CommitMode {
    /** Journal the outcome and apply the change, durably, before the answer leaves. */
    LIVE,
    /**
     * "Try a message": nothing journaled; the change is applied in a transaction that is rolled back,
     * and the answer is what the message would do ({@link DryRun.Result}).
     */
    PREVIEW
}
