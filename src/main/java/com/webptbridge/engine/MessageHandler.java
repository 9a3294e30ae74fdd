package com.webptbridge.engine;

import com.webptbridge.mapping.MessageView;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Maps one kind of message (e.g. ADT Patient Info) into a change to the billing store. Mapping
 * happens outside the transaction and collects every problem; the returned change is applied
 * inside it, all or nothing.
 */
interface MessageHandler {

    /** Returns the change to apply, or null when {@code findings.problems} says why it cannot be applied. */
    Change map(MessageView message, Findings findings);

    /**
     * A mapped message's effect on the billing store, applied inside the message's transaction. It
     * may run more than once (a transaction lost a race and is retried), so it returns its journal
     * notes rather than keeping them.
     */
    @FunctionalInterface
    interface Change {
        List<String> apply(Connection c) throws SQLException;
    }
}
