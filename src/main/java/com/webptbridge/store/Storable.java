package com.webptbridge.store;

/**
 * Text as both databases can hold it. Control characters other than segment/line ends and tab
 * (only garbage contains them, and PostgreSQL refuses NUL in text) are written as \xNN.
 */
public final class Storable {

    private Storable() {}

    public static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder s = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 && c != '\r' && c != '\n' && c != '\t';
            if (control && s == null) {
                s = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (s != null) {
                if (control) {
                    s.append(String.format("\\x%02X", (int) c));
                } else {
                    s.append(c);
                }
            }
        }
        return s == null ? value : s.toString();
    }

    /** Storable text cut to a column's width. */
    public static String text(String value, int max) {
        String v = text(value);
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }
}
