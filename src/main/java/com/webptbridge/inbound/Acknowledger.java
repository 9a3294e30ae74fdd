package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.hl7.AckBuilder;
import com.webptbridge.hl7.MessageHeader;

import java.util.List;
import java.util.Locale;

/**
 * Last step of the inbound route: the bytes to send back. In the interface's {@link AckMode}
 * original (the default) that is the application ACK, whatever MSH-15/16 say. In enhanced mode a
 * message with MSH-15/16 valued is answered with an accept ACK (CA/CE/CR) when MSH-15's condition
 * asks for one (AL always, NE never, ER on error, SU on success); its application ACK cannot be
 * sent back on this connection, and the journal holds it.
 */
public final class Acknowledger {

    private final AckBuilder builder;
    private final Outcomes outcomes;

    public Acknowledger(AckBuilder builder) {
        this(builder, Outcomes.NONE);
    }

    public Acknowledger(AckBuilder builder, Outcomes outcomes) {
        this.builder = builder;
        this.outcomes = outcomes;
    }

    /** The reply's bytes, or null when the sender asked for no answer. */
    public byte[] reply(InFlight m) {
        byte[] bytes = answer(m);
        outcomes.replied(m.getInterfaceId(), java.time.Duration.ofNanos(System.nanoTime() - m.receivedNanos()));
        return bytes;
    }

    private byte[] answer(InFlight m) {
        Reply reply = m.reply();
        MessageHeader h = reply.header();
        if (h == null || m.ackMode() == AckMode.ORIGINAL || !h.enhancedMode()) {
            return reply.ackMessage().getBytes(reply.charset());
        }
        AcknowledgmentCode accept = acceptCode(reply.code());
        boolean send =
                switch (h.acceptAckType().toUpperCase(Locale.ROOT)) {
                    case "NE" -> false;
                    case "ER" -> accept != AcknowledgmentCode.CA;
                    case "SU" -> accept == AcknowledgmentCode.CA;
                    default -> true; // AL, or empty with MSH-16 valued
                };
        if (!send) {
            return null;
        }
        String ack = builder.build(
                h, accept, accept == AcknowledgmentCode.CA ? List.of() : reply.problems(), reply.ackControlId());
        return ack.getBytes(reply.charset());
    }

    /** The enhanced-mode accept code matching an application outcome. */
    static AcknowledgmentCode acceptCode(AcknowledgmentCode application) {
        return switch (application) {
            case AA, AE, CA -> AcknowledgmentCode.CA; // safely stored: accepted, whatever the content says
            case AR, CR -> AcknowledgmentCode.CR;
            case CE -> AcknowledgmentCode.CE;
        };
    }
}
