package com.webptbridge.inbound;

import com.webptbridge.hl7.HeaderRules;
import com.webptbridge.hl7.MessageHeader;
import com.webptbridge.hl7.MessageLimits;
import com.webptbridge.store.Database;
import com.webptbridge.store.journal.Journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Second step: is this a message we take at all (readable, version, processing ID, an event a
 * {@link MappingStep} maps, within the limits of what a message may ask the parser for), and is it a resend of one already applied (same sender, control ID and content)? Either answer closes the message: the
 * commit step records it and answers.
 */
public final class HeaderCheck {

    private final HeaderRules rules;
    private final MessageLimits limits;
    private final Database db;
    private final Journal journal;

    public HeaderCheck(HeaderRules rules, MessageLimits limits, Database db, Journal journal) {
        this.rules = rules;
        this.limits = limits;
        this.db = db;
        this.journal = journal;
    }

    public void check(InFlight m) throws SQLException {
        if (m.journalId() == null) {
            return; // not journaled: the commit step answers "send it again later"
        }
        if (!m.message().readable()) {
            m.problems.add(m.message().problem());
            return;
        }
        MessageHeader h = m.header();
        m.problems.addAll(rules.check(h));
        if (!m.problems.isEmpty()) {
            return;
        }
        limits.check(m.message().text(), h).ifPresent(m.problems::add);
        if (!m.problems.isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
            Journal.AppliedKey key = m.appliedKey();
            Journal.Prior prior = journal.prior(c, key);
            prior.sameContent().ifPresent(e -> m.duplicateOf = e);
            if (m.duplicateOf == null) {
                List<Long> earlier = prior.otherContent();
                if (!earlier.isEmpty()) {
                    m.notes.add("Control ID reused: journal entr" + (earlier.size() == 1 ? "y " : "ies ") + earlier
                            + " from the same sender had this control ID with different content; processed as a new"
                            + " message.");
                }
            }
        }
    }
}
