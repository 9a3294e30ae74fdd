package com.webptbridge.inbound;

import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.mapping.MappingProfile;

import java.nio.charset.Charset;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * "Try a message": one message through its interface's own processing route (header check, parse,
 * the mapping step for its event, commit) with the commit step in {@link CommitMode#PREVIEW}: not
 * journaled, its change applied inside a transaction that is rolled back. The answer says exactly
 * what the message would do (its ACK, the Patient Info fields before and after, the notes of the
 * insurance and encounter changes) and nothing is stored. Being the live route, it cannot drift
 * from what live traffic gets.
 */
public final class DryRun {

    /** One ERR of the ACK the message would get. */
    public record Error(int code, String reason, String location, String text) {}

    /** One Patient Info field the message would change. */
    public record FieldChange(String field, Object before, Object after) {}

    /** What the message would do. {@code status}: PROCESSED, ERROR (kept, waits), REJECTED or DUPLICATE. */
    public record Result(
            String status,
            String ackCode,
            String ack,
            List<Error> errors,
            String patientId,
            boolean patientIsNew,
            List<FieldChange> patientChanges,
            List<String> notes) {}

    private final String interfaceId;
    private final UnaryOperator<InFlight> route;
    private final Charset defaultCharset;
    private final AckMode ackMode;

    /**
     * @param route sends a message through the interface's processing route and returns it done
     *     (the way reprocessing does)
     */
    public DryRun(String interfaceId, UnaryOperator<InFlight> route, Charset defaultCharset, AckMode ackMode) {
        this.interfaceId = interfaceId;
        this.route = route;
        this.defaultCharset = defaultCharset;
        this.ackMode = ackMode;
    }

    /** What {@code bytes} would do; {@code profile} null for the interface's own mapping profile. */
    public Result run(byte[] bytes, MappingProfile profile) {
        InboundMessage message = InboundMessage.read(bytes, defaultCharset);
        InFlight done = route.apply(InFlight.preview(message, interfaceId, ackMode, profile));
        if (done == null || done.preview == null) {
            throw new IllegalStateException("The processing route of interface " + interfaceId + " gave no answer");
        }
        return done.preview;
    }
}
