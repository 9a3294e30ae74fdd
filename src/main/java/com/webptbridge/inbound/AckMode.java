package com.webptbridge.inbound;

import java.util.Locale;

/**
 * Which acknowledgment a sender gets. {@code original} (the default): the application ACK
 * (AA/AE/AR) on the same connection, whatever MSH-15/16 say, because many senders fill them without
 * running enhanced mode and would otherwise never see what went wrong. {@code enhanced}: MSH-15/16
 * are honoured, so a sender that asks gets an accept ACK (CA/CE/CR), or nothing with MSH-15 = NE.
 */
public enum AckMode {
    ORIGINAL,
    ENHANCED;

    /** The mode a setting or an interface file names; anything else is refused naming the two. */
    public static AckMode of(String value, String where) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + " is '" + value + "': it must be original or enhanced");
        }
    }
}
