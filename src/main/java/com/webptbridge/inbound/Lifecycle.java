package com.webptbridge.inbound;

import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.store.lifecycle.InterfaceState;
import com.webptbridge.store.lifecycle.InterfaceStates;

import java.sql.SQLException;
import java.util.Set;

/**
 * First step of an interface's processing: does the interface take traffic, and where do this
 * message's effects go? In setup or disabled the message is answered AR (it stays journaled, so
 * the analyst sees WebPT sending). In testing, and for a test message (MSH-11 T or D) when live,
 * it is processed exactly as live but into the interface's test sandbox; so is a reprocess of a
 * message the journal already marks as test traffic. A dry run ("Try a message") in setup or
 * disabled is shown as the test phase would process it.
 */
public final class Lifecycle {

    /** MSH-11 processing IDs that are never posted to live billing data: training and debugging. */
    static final Set<String> TEST_PROCESSING_IDS = Set.of("T", "D");

    private final String interfaceId;
    private final InterfaceStates states;

    public Lifecycle(String interfaceId, InterfaceStates states) {
        this.interfaceId = interfaceId;
        this.states = states;
    }

    public void decide(InFlight m) throws SQLException {
        if (m.journalId() == null || !m.message().readable()) {
            return; // the header check answers these
        }
        InterfaceStates.ForMessage now = states.forMessage(interfaceId, m.journalId());
        InterfaceState state = now.state() == null ? InterfaceState.SETUP : now.state();
        if (!state.takesTraffic() && m.mode() == CommitMode.PREVIEW) {
            // "Try a message" is the analyst's tool before WebPT sends: it shows what testing would do.
            m.sandbox = true;
            m.notes.add("Tried while interface " + interfaceId + " is in " + state.word()
                    + ": shown as its test phase would process it; sent now, it would be answered AR.");
            return;
        }
        if (!state.takesTraffic()) {
            m.problems.add(
                    (state == InterfaceState.DISABLED ? Sentence.INTERFACE_DISABLED : Sentence.INTERFACE_IN_SETUP)
                            .at(ErrorLocation.segment("MSH", 1), interfaceId));
            return;
        }
        m.sandbox = sandbox(state, m.header().processingId(), now.journaledAsTest());
        if (m.sandbox) {
            String why = state == InterfaceState.TESTING
                    ? "Test phase"
                    : now.journaledAsTest()
                            ? "Received as test traffic"
                            : "Test message (MSH-11 " + m.header().processingId() + ")";
            m.notes.add(why + ": processed into interface " + interfaceId + "'s test sandbox, not its live data.");
        }
    }

    /** Whether a message goes to the test sandbox (pure, for the unit test). */
    static boolean sandbox(InterfaceState state, String processingId, boolean journaledAsTest) {
        return state == InterfaceState.TESTING
                || journaledAsTest
                || (processingId != null && TEST_PROCESSING_IDS.contains(processingId.trim()));
    }
}
