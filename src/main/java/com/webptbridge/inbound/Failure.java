package com.webptbridge.inbound;

import com.webptbridge.hl7.Sentence;
import com.webptbridge.store.Database;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The route's answer to a step that failed unexpectedly. Only a database failure is "store
 * unavailable" (AR 207: the same message sent later can succeed). Anything else is a bug in the
 * interface: a resend would fail the same way, so it is answered AE 207, journaled ERROR (the
 * worklist shows it as an internal error) and reprocessed once the interface is fixed. A value or
 * constraint the database refused while applying a message's change never gets here: the commit
 * step answers it AE at the segment it came from ({@link Change#refused}); one refused anywhere
 * else is such a bug (only this message's writes were rolled back, its batch neighbours applied).
 */
public final class Failure {

    private static final Logger LOG = LoggerFactory.getLogger(Failure.class);

    private final Commit commit;

    public Failure(Commit commit) {
        this.commit = commit;
    }

    public void answer(InFlight m, Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        try (LogSafe.Fields fields = LogSafe.fields(m)) {
            if (Database.isStoreFailure(e) && !Database.isDataRefusal(e)) {
                LOG.error(
                        "journal={} control={} could not be processed, store unavailable: {}",
                        journal(m),
                        LogSafe.controlId(m.header()),
                        e.getClass().getSimpleName());
                commit.fail(m, Sentence.STORE_UNAVAILABLE.problem());
            } else {
                // Class, SQLSTATE and stack, never the exception's message: it may quote a field value.
                LOG.error(
                        "journal={} control={} internal error {}{} at\n{}",
                        journal(m),
                        LogSafe.controlId(m.header()),
                        e == null ? "-" : e.getClass().getName(),
                        e instanceof java.sql.SQLException s ? " SQLSTATE " + s.getSQLState() : "",
                        e == null ? "" : stack(e));
                commit.fail(m, Sentence.INTERNAL_ERROR.problem());
            }
        }
    }

    /** The journal id for the log; a dry run has none. */
    private static Object journal(InFlight m) {
        return m.mode() == CommitMode.PREVIEW ? "dry-run" : m.journalId();
    }

    private static String stack(Throwable e) {
        return Arrays.stream(e.getStackTrace()).map(f -> "\tat " + f).collect(Collectors.joining("\n"));
    }
}
