package com.webptbridge.store.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where an interface is on its way from nothing to live traffic. What each state does to a message
 * is decided in one place (inbound's lifecycle step); here are the states and their words.
 */
public enum InterfaceState {
    /** Defined, not taking traffic: messages are journaled and answered AR. */
    SETUP,
    /** Messages are processed exactly as live, into the interface's test sandbox. */
    TESTING,
    /** Messages post billing data; a test message (MSH-11 T or D) still goes to the sandbox. */
    LIVE,
    /** Switched off by an admin: messages are journaled and answered AR. */
    DISABLED;

    /** The word people and the API use: {@code setup}, {@code testing}, {@code live}, {@code disabled}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether messages are processed at all (testing and live). */
    public boolean takesTraffic() {
        return this == TESTING || this == LIVE;
    }

    /** The state a word names, any case; a sentence listing the words otherwise. */
    public static InterfaceState of(String word, String what) {
        for (InterfaceState s : values()) {
            if (s.word().equalsIgnoreCase(word == null ? "" : word.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(what + " must be one of " + words() + ", was '" + word + "'");
    }

    public static String words() {
        return Arrays.stream(values()).map(InterfaceState::word).collect(Collectors.joining(", "));
    }
}
