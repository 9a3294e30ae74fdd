package com.webptbridge.inbound;

/** A mapping step with a bug, put into a copy of the real route by {@link FailureAnswersIT}. */
public final class BrokenStep {

    /** Fails the way a bug does; the message text carries patient data that must not reach a log. */
    public void map(InFlight m) {
        throw new IllegalStateException("bug while mapping PID-5 Zzyzxian^Quintessa");
    }
}
