package com.webptbridge.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many password checks a client gets: counted per account name (known or not) at one source
 * address. An attempt is admitted atomically before its password is checked, so parallel guesses
 * cannot all slip in before the first failure is counted: the first {@link #FREE} may run at once;
 * after that, one at a time and only once the lock of the last failure has passed (twice the wait
 * its answer had, which doubles from 1 s to 30 s). Failures are forgotten {@link #DECAY_MS} after
 * the last one, and a success clears the count. Guesses from one address never hold back another
 * address's login: a correct password from a client that has not been failing is checked.
 */
final class LoginThrottle {

    static final int FREE = 3;
    static final long MAX_WAIT_MS = 30_000;
    static final long DECAY_MS = 15 * 60_000;
    private static final int SWEEP_ABOVE = 10_000;

    /** Failures counted for one key, attempts being checked now, and until when no new one is taken. */
    private record State(int failures, int checking, long until, long last) {}

    /** An admitted attempt: report its outcome with {@link #succeeded} or {@link #failed}. */
    record Ticket(String key) {}

    /** Not admitted: how long the caller should wait before the answer goes out. */
    record Wait(long ms) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** A ticket when the attempt may be checked, else the wait. */
    Object admit(String name, String address, long now) {
        sweep(now);
        String key = name + "\0" + address;
        long[] wait = {0};
        states.compute(key, (k, s) -> {
            State cur = s == null || now - s.last() > DECAY_MS ? new State(0, 0, 0, now) : s;
            boolean admitted = cur.failures() + cur.checking() < FREE || (cur.checking() == 0 && now >= cur.until());
            if (!admitted) {
                wait[0] = Math.min(MAX_WAIT_MS, Math.max(1000, cur.until() - now));
                return cur;
            }
            return new State(cur.failures(), cur.checking() + 1, cur.until(), now);
        });
        return wait[0] > 0 ? new Wait(wait[0]) : new Ticket(key);
    }

    void succeeded(Ticket t) {
        states.remove(t.key());
    }

    /** Counts a failure; how long its answer should wait, in ms (the next attempt is taken after twice that). */
    long failed(Ticket t, long now) {
        State s = states.computeIfPresent(t.key(), (k, cur) -> {
            int failures = cur.failures() + 1;
            long until = failures >= FREE
                    ? now + 2 * Math.min(MAX_WAIT_MS, 1000L << Math.min(failures - FREE, 15))
                    : cur.until();
            return new State(failures, Math.max(0, cur.checking() - 1), until, now);
        });
        return s == null || s.until() <= now ? 0 : (s.until() - now) / 2;
    }

    /** Forgets keys whose failures have decayed, so a spray of made-up names cannot fill the memory. */
    private void sweep(long now) {
        if (states.size() > SWEEP_ABOVE) {
            states.values().removeIf(s -> s.checking() == 0 && now - s.last() > DECAY_MS);
        }
    }
}
