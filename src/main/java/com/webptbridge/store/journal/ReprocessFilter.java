package com.webptbridge.store.journal;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which journaled messages a bulk reprocess takes: by status (ERROR when none given), by HL7 error
 * code and by what they wait for, in a range of arrival dates (from inclusive, to exclusive).
 */
public record ReprocessFilter(
        Set<MessageStatus> statuses,
        Integer errorCode,
        String waitingKind,
        String waitingKey,
        LocalDate from,
        LocalDate to,
        int limit) {

    public ReprocessFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of(MessageStatus.ERROR) : Set.copyOf(statuses);
    }

    public static ReprocessFilter waitingFor(String kind, String key) {
        return new ReprocessFilter(Set.of(MessageStatus.ERROR), null, kind, key, null, null, 10_000);
    }
}
