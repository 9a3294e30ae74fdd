package com.webptbridge.inbound;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A mapped message's effect on the billing store, applied by the commit step inside the message's
 * transaction, all or nothing. It may run more than once (a transaction lost a race and is
 * retried), so it returns its journal notes rather than keeping them.
 */
@FunctionalInterface
interface Change {
    List<String> apply(Connection c) throws SQLException;
}
