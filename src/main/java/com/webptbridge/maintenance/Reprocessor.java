package com.webptbridge.maintenance;

import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.ReferenceSentences;
import com.webptbridge.inbound.AckMode;
import com.webptbridge.inbound.InFlight;
import com.webptbridge.inbound.Reply;
import com.webptbridge.store.JobLocks;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;
import com.webptbridge.store.journal.MessageStatus;
import com.webptbridge.store.journal.ReprocessFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Runs journaled messages through the inbound route again, exactly as if they had just arrived:
 * same header check, duplicate check, parse, mapping, reference resolution and one transaction.
 * Each run is a new attempt on the same journal entry. Messages already applied (PROCESSED,
 * DUPLICATE) are left alone, so reprocessing twice changes nothing.
 */
public final class Reprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(Reprocessor.class);
    private static final Set<MessageStatus> REPROCESSABLE =
            Set.of(MessageStatus.ERROR, MessageStatus.REJECTED, MessageStatus.RECEIVED);

    /** How long one message's reprocessing stays claimed if its instance dies before it is done. */
    private static final Duration MESSAGE_LEASE = Duration.ofMinutes(5);

    private final Journal journal;
    private final UnaryOperator<InFlight> route;
    private final JobLocks locks;

    /** @param route sends a message through the inbound route's processing steps and returns it answered */
    public Reprocessor(Journal journal, UnaryOperator<InFlight> route) {
        this(journal, route, null);
    }

    /**
     * @param locks where each message's reprocessing is claimed, so that engine instances sharing the
     *     database never reprocess one message at the same time (null: this instance alone)
     */
    public Reprocessor(Journal journal, UnaryOperator<InFlight> route, JobLocks locks) {
        this.journal = journal;
        this.route = route;
        this.locks = locks;
    }

    /**
     * How one reprocess ended. {@code skipped} explains why nothing was done (e.g. already processed);
     * {@code waitingFor} names what a message still in ERROR waits for, e.g. {@code payer 1042};
     * {@code remains} what no record fixes and only the sender can, as the worklist titles it (e.g.
     * {@code required field missing (101) (PID-7): ...}).
     */
    public record Outcome(
            long id,
            String controlId,
            String status,
            String ackCode,
            String skipped,
            List<String> waitingFor,
            List<String> remains) {

        public Outcome(
                long id, String controlId, String status, String ackCode, String skipped, List<String> waitingFor) {
            this(id, controlId, status, ackCode, skipped, waitingFor, List.of());
        }
    }

    /** A message a bulk reprocess would take, and what it waits for now (a dry run changes nothing). */
    public record Candidate(long id, String controlId, String status, List<String> waitingFor) {}

    /** Reprocesses one message; empty when there is no such journal entry. */
    public Optional<Outcome> reprocess(long id) throws SQLException {
        return reprocess(id, null);
    }

    /**
     * Finishes the messages a stop or crash left RECEIVED (journaled, never answered) that arrived
     * before {@code before}: each goes through the route like a reprocess, so one that was in fact
     * applied is recognised as such and nothing is applied twice; the journal says it was recovered.
     */
    public List<Outcome> recover(Instant before) throws SQLException {
        List<Outcome> out = new ArrayList<>();
        for (long id : journal.unfinished(before)) {
            reprocess(
                            id,
                            "Recovered: the engine stopped before answering this message; it was processed again when"
                                    + " the engine found it unfinished.")
                    .ifPresent(out::add);
        }
        if (!out.isEmpty()) {
            LOG.info("interface={} recovered {} unfinished message(s)", journal.interfaceId(), out.size());
        }
        return out;
    }

    /**
     * Reprocesses one message with a note for its journal entry (why it ran again: a recovery, an
     * unmatched message assigned to this interface); empty when there is no such journal entry.
     */
    public Optional<Outcome> reprocess(long id, String note) throws SQLException {
        String job = "reprocess:" + id;
        if (locks == null) {
            return reprocessClaimed(id, note);
        }
        if (!locks.claim(job, MESSAGE_LEASE)) {
            Optional<JournalEntry> busy = journal.find(id, false);
            return busy.map(e -> new Outcome(
                    id,
                    e.controlId(),
                    e.status().name(),
                    e.ackCode(),
                    "another engine instance is reprocessing it right now; look again in a moment",
                    waitingFor(e),
                    remains(e)));
        }
        try {
            return reprocessClaimed(id, note);
        } finally {
            locks.drop(job);
        }
    }

    /** Reprocesses a message this instance holds the claim on (read after the claim, so never stale). */
    private Optional<Outcome> reprocessClaimed(long id, String note) throws SQLException {
        Optional<JournalEntry> found = journal.find(id, true);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JournalEntry entry = found.get();
        if (!REPROCESSABLE.contains(entry.status()) || entry.rawMessage() == null) {
            return Optional.of(new Outcome(
                    id,
                    entry.controlId(),
                    entry.status().name(),
                    entry.ackCode(),
                    entry.rawMessage() == null
                            ? "the message was not stored (too large), so WebPT must send it again"
                            : "already " + entry.status().name() + ": nothing to do",
                    waitingFor(entry),
                    remains(entry)));
        }
        Charset charset = Charset.forName(entry.charset());
        InboundMessage message = InboundMessage.read(entry.rawMessage().getBytes(charset), charset);
        InFlight inFlight = new InFlight(id, message, journal.interfaceId(), AckMode.ORIGINAL);
        if (note != null) {
            inFlight.note(note);
        }
        Reply reply = route.apply(inFlight).reply();
        JournalEntry after = journal.find(id, false).orElseThrow();
        LOG.info("journal={} reprocessed: status={} ack={}", id, after.status(), reply.code());
        return Optional.of(new Outcome(
                id,
                after.controlId(),
                after.status().name(),
                reply.code().name(),
                null,
                waitingFor(after),
                remains(after)));
    }

    /** Reprocesses every message the filter selects, oldest first (arrival order, so per patient too). */
    public List<Outcome> reprocess(ReprocessFilter filter) throws SQLException {
        List<Outcome> out = new ArrayList<>();
        for (long id : journal.idsToReprocess(filter)) {
            reprocess(id).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Above this many messages a bulk reprocess runs as a background job, so that no request waits
     * minutes for a large backlog.
     */
    public static final int INLINE = 100;

    /** The messages the filter selects, oldest first: what a bulk reprocess would take. */
    public List<Long> selected(ReprocessFilter filter) throws SQLException {
        return journal.idsToReprocess(filter);
    }

    /** Reprocesses the messages in a background job, oldest first; the job is returned at once. */
    public Jobs.Job reprocessInBackground(List<Long> ids, Jobs jobs) {
        return jobs.start("reprocess " + ids.size() + " message(s)", ids, this::reprocess);
    }

    /** What {@link #reprocess(ReprocessFilter)} would take, oldest first, without touching anything. */
    public List<Candidate> candidates(ReprocessFilter filter) throws SQLException {
        List<Candidate> out = new ArrayList<>();
        for (long id : journal.idsToReprocess(filter)) {
            journal.find(id, false)
                    .ifPresent(e ->
                            out.add(new Candidate(id, e.controlId(), e.status().name(), waitingFor(e))));
        }
        return out;
    }

    /** What the entry's latest attempt needs from the sender: each error no record fixes, titled as in the worklist. */
    private static List<String> remains(JournalEntry entry) {
        return entry.errors().stream()
                .filter(e -> e.waitingKind() == null)
                .map(e -> title(e.hl7Code(), e.reason(), e.location()) + ": " + e.text())
                .distinct()
                .toList();
    }

    /** An error no record fixes as the worklist and reprocess lines title it: {@code required field missing (101) (PID-7)}. */
    static String title(int hl7Code, String reason, String location) {
        return ReferenceSentences.errorTitle(
                reason.replace('_', ' ').toLowerCase(java.util.Locale.ROOT), hl7Code, location);
    }

    /** What the entry's latest attempt waits for, as the worklist and the CLI spell it: {@code payer 1042}. */
    private static List<String> waitingFor(JournalEntry entry) {
        return entry.errors().stream()
                .filter(e -> e.waitingKind() != null)
                .map(e -> e.waitingKind() + " " + e.waitingKey())
                .distinct()
                .toList();
    }
}
