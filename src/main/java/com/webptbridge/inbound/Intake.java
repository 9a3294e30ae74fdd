package com.webptbridge.inbound;

import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.InboundMessage;
import com.webptbridge.hl7.MessageHeader;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.store.Journal;
import com.webptbridge.store.Receipt;
import com.webptbridge.transport.InboundFrame;
import java.nio.charset.Charset;
import java.sql.SQLException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** First step of the inbound route: read the frame as HL7 text and journal it before anything else. */
public final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final Journal journal;
    private final Charset defaultCharset;

    public Intake(Journal journal, Charset defaultCharset) {
        this.journal = journal;
        this.defaultCharset = defaultCharset;
    }

    public InFlight receive(InboundFrame frame) {
        InboundMessage message = InboundMessage.read(frame.payload(), defaultCharset);
        if (frame.oversize()) {
            message = new InboundMessage(
                    message.text(),
                    message.charset(),
                    message.header(),
                    NakReason.FRAME_TOO_LARGE.at(
                            ErrorLocation.MESSAGE,
                            "The message is " + frame.sizeBytes()
                                    + " bytes, more than this interface accepts: it was not stored. Split it or ask the"
                                    + " interface analyst to raise bridge.mllp.max-frame-bytes."));
        }
        MessageHeader h = message.header();
        Receipt receipt = new Receipt(
                Instant.now(),
                frame.remoteAddress(),
                h == null ? null : h.sendingApplication(),
                h == null ? null : h.sendingFacility(),
                h == null ? null : h.controlId(),
                h == null ? null : h.messageCode(),
                h == null ? null : h.triggerEvent(),
                h == null ? null : h.version(),
                message.charset().name(),
                frame.sizeBytes(),
                frame.oversize() ? null : message.text());
        try {
            return new InFlight(journal.receive(receipt), message);
        } catch (SQLException | RuntimeException e) {
            // An expected failure with an answer of its own: no journal id, and the commit step
            // answers AR 207 without writing anything.
            LOG.error(
                    "Journal unavailable; message control={} not stored: {}",
                    LogSafe.controlId(h),
                    e.getClass().getSimpleName());
            return new InFlight(null, message);
        }
    }
}
