package com.webptbridge.store;

import java.sql.SQLException;

/**
 * A batch was committed but the disk sync after the commit failed: its outcomes are in the
 * database, not known to be on the disk. The journal already says what happened; only the
 * answer must not promise it (AR 207: the sender resends, and the duplicate guard answers a resend
 * of an applied message with its ACK code).
 */
public final class NotDurableException extends SQLException {

    NotDurableException(SQLException cause) {
        super("Committed, but the disk sync after the commit failed", cause.getSQLState(), cause);
    }
}
