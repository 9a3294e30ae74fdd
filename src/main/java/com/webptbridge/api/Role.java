package com.webptbridge.api;

import java.util.List;
import java.util.Locale;

/**
 * What an account may do. Each role may do everything the ones before it may: viewer (journal
 * metadata, worklist, reference data, statistics), analyst (also patient data, raw messages,
 * reference-data changes, reprocessing), admin (also accounts, interfaces, pruning and the access log).
 */
public enum Role {
    VIEWER,
    ANALYST,
    ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A role as typed; a typo is refused naming the roles. */
    public static Role parse(String text) {
        if (text != null) {
            for (Role r : values()) {
                if (r.code().equalsIgnoreCase(text.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of "
                + List.of(values()).stream().map(Role::code).toList() + ", was '" + text + "'");
    }
}
