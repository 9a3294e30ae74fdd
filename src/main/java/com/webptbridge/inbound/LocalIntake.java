package com.webptbridge.inbound;

import com.webptbridge.transport.InboundFrame;

import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * One interface's way in for messages that do not come over MLLP (a dropped file, the initial
 * patient load): each is journaled and processed exactly as a listener does it, through the
 * interface's own intake target and processing route, and gets the reply an MLLP sender would get.
 * A message whose MSH-4/MSH-6 the interface does not take is journaled unmatched and answered AR,
 * as on its port.
 */
public final class LocalIntake {

    private final Intake intake;
    private final UnaryOperator<InFlight> route;
    private final Commit unmatched;

    /**
     * @param intake an intake holding this interface's target only
     * @param route the interface's processing route (direct:process-ID)
     * @param unmatched the commit step for messages the interface does not take
     */
    public LocalIntake(Intake intake, UnaryOperator<InFlight> route, Commit unmatched) {
        this.intake = intake;
        this.route = route;
        this.unmatched = unmatched;
    }

    /**
     * Journals and processes one message; returns once its outcome is on disk.
     *
     * @param source where it came from, recorded as the journal's remote address (e.g. "file:NAME")
     * @return the message as processed: {@link InFlight#reply()} is its answer
     */
    public InFlight submit(byte[] message, String source) throws SQLException {
        InFlight m = intake.receive(new InboundFrame(message, message.length, false, source));
        if (m.getInterfaceId() != null) {
            return route.apply(m);
        }
        unmatched.commit(m);
        return m;
    }
}
