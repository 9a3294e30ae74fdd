package com.webptbridge.store.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps reads to one interface's messages; a null interface means the messages that matched none. */
record Scope(String interfaceId) {

    /** The condition, e.g. {@code interface_id = ?}. */
    String sql() {
        return interfaceId == null ? "interface_id IS NULL" : "interface_id = ?";
    }

    /** The arguments before {@link #sql()}'s, then its own. */
    List<Object> args(Object... before) {
        List<Object> args = new ArrayList<>(Arrays.asList(before));
        if (interfaceId != null) {
            args.add(interfaceId);
        }
        return args;
    }
}
