package com.webptbridge.inbound;

import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.MessageHeader;
import com.webptbridge.hl7.Problem;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.mapping.MessageView;
import com.webptbridge.readiness.Finding;
import com.webptbridge.store.journal.Journal;
import com.webptbridge.store.journal.JournalEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * One message on its way through the inbound route, from receipt to reply: what each step found
 * out so far. It stays "open" until a step decides the answer without needing the rest (the
 * header is refused, it is a resend of an applied message, it does not parse); the commit step
 * turns it into a {@link Reply} in every case, or in {@link CommitMode#PREVIEW} (a dry run) into a
 * {@link DryRun.Result}.
 */
public final class InFlight {

    private final Long journalId;
    private final InboundMessage message;
    private final String interfaceId;
    private final AckMode ackMode;
    private final CommitMode mode;
    private final MappingProfile profile;
    private final long receivedNanos = System.nanoTime();
    private String digest; // the content digest, computed once: the receipt, the duplicate check and the claim use it
    final List<Problem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** What the claim-readiness rules found: warnings, so the message still posts (AA, a W ERR each). */
    final List<Finding> findings = new ArrayList<>();

    String patientId;
    MessageView view;
    Change change;
    JournalEntry duplicateOf;
    /** Test traffic: its effects go to the interface's test sandbox ({@link Lifecycle} decides). */
    boolean sandbox;

    Reply reply;
    DryRun.Result preview;

    /**
     * @param journalId the journal entry, or null when the journal could not be written (the
     *     message must then not be acknowledged as accepted)
     * @param interfaceId the practice's interface the message belongs to, or null when none takes it
     * @param ackMode how that interface answers
     */
    public InFlight(Long journalId, InboundMessage message, String interfaceId, AckMode ackMode) {
        this(journalId, message, null, interfaceId, ackMode);
    }

    /** @param digest the message's content digest when the caller computed it already, or null */
    InFlight(Long journalId, InboundMessage message, String digest, String interfaceId, AckMode ackMode) {
        this(journalId, message, digest, interfaceId, ackMode, CommitMode.LIVE, null);
    }

    private InFlight(
            Long journalId,
            InboundMessage message,
            String digest,
            String interfaceId,
            AckMode ackMode,
            CommitMode mode,
            MappingProfile profile) {
        this.journalId = journalId;
        this.message = message;
        this.digest = digest;
        this.interfaceId = interfaceId;
        this.ackMode = ackMode;
        this.mode = mode;
        this.profile = profile;
    }

    /**
     * A message to try, not journaled: the commit step previews it. Its journal id stands for the
     * entry it does not get, newer than anything stored, so the steps treat it as the newest message.
     *
     * @param profile a mapping profile to try instead of the interface's own, or null
     */
    static InFlight preview(InboundMessage message, String interfaceId, AckMode ackMode, MappingProfile profile) {
        return new InFlight(Long.MAX_VALUE, message, null, interfaceId, ackMode, CommitMode.PREVIEW, profile);
    }

    public CommitMode mode() {
        return mode;
    }

    /** The mapping profile a dry run tries instead of the interface's own, or null for the interface's. */
    MappingProfile profile() {
        return profile;
    }

    /** Adds a note for the journal (what the engine did, never a field value). */
    public void note(String note) {
        notes.add(note);
    }

    /** When this message was received ({@link System#nanoTime()}), for the ACK latency. */
    public long receivedNanos() {
        return receivedNanos;
    }

    public AckMode ackMode() {
        return ackMode;
    }

    /** For the listener's route: the interface whose processing route takes the message, or null. */
    public String getInterfaceId() {
        return interfaceId;
    }

    /** Whether this message's effects go to its interface's test sandbox rather than its live data. */
    public boolean sandbox() {
        return sandbox;
    }

    public Long journalId() {
        return journalId;
    }

    public InboundMessage message() {
        return message;
    }

    public MessageHeader header() {
        return message.header();
    }

    /** The patient the message is about, once a mapping step found its ID; else null. */
    public String patientId() {
        return patientId;
    }

    /** The claim-readiness findings as the ACK's warnings. */
    List<Problem> warnings() {
        return findings.stream().map(Finding::problem).toList();
    }

    /** The claim-readiness findings about this message (empty until the encounter step ran). */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The answer, once the commit step (or the failure handler) has decided it. */
    public Reply reply() {
        return reply;
    }

    /** The key under which this message is applied once: sender, control ID and content. */
    public Journal.AppliedKey appliedKey() {
        MessageHeader h = message.header();
        if (digest == null) {
            digest = message.digest();
        }
        return new Journal.AppliedKey(h.sendingApplication(), h.sendingFacility(), h.controlId(), digest);
    }

    /** For the route: true while no step has decided the answer yet (a message not journaled never is open). */
    public boolean isOpen() {
        return journalId != null && problems.isEmpty() && duplicateOf == null && reply == null;
    }

    /** For the route's choice: the {@link MappingStep} that maps this message, e.g. {@code patientInfo}, or "". */
    public String getStep() {
        return MappingStep.of(message.header()).map(MappingStep::bean).orElse("");
    }
}
