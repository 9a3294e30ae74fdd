package com.webptbridge.api;

import com.webptbridge.store.journal.MessageStatus;

import java.util.List;
import java.util.Locale;

/** How the API reads a number or a status from a path or query parameter: a typo is a 400 that names what to send. */
final class Params {

    private Params() {}

    static long number(String s, String what) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, what + " must be a number, was '" + s + "'");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A message status in any case; null when not given. */
    static MessageStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return MessageStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    400, "status must be one of " + List.of(MessageStatus.values()) + ", was '" + s + "'");
        }
    }
}
