package com.webptbridge.store.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One interface's report for a period {@code [from, to)}: messages received in it by type and
 * outcome, the live encounters and charges posted in it, and of its messages those still waiting
 * (by reason, with the oldest), the duplicates suppressed, the top NAK sentences and the
 * claim-readiness findings by rule. Test traffic
 * (the sandbox) is counted as its own outcome and never in the postings.
 */
public record PeriodReport(
        String interfaceId,
        Instant from,
        Instant to,
        List<MessageCount> messages,
        long encounters,
        Total charges,
        List<Total> byProvider,
        List<Total> byFacility,
        List<Total> byCode,
        List<Total> byPayer,
        List<Waiting> waiting,
        long duplicates,
        List<NakReason> naks,
        List<Findings> findings) {

    /** How a message ended, in the report's words. */
    public enum Outcome {
        PROCESSED,
        WAITING,
        REJECTED,
        DUPLICATE,
        /** Received, not yet answered (in flight, or the engine stopped before its answer). */
        RECEIVED,
        /** Test traffic, whatever its outcome: it posted nothing live. */
        TEST;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Messages of one type (e.g. {@code DFT^P03}) with one outcome. */
    public record MessageCount(String type, Outcome outcome, long messages) {}

    /**
     * Charges posted under one key: a rendering provider's, facility's or payer's Sequence Number, or a
     * procedure code; {@code label} is its name as the reference data has it (null when the record is
     * gone). Units and amounts are exact sums.
     */
    public record Total(String key, String label, long charges, BigDecimal units, BigDecimal amount) {}

    /** Messages in ERROR for one reason: the kind and key of what they wait for (null for a content problem). */
    public record Waiting(String kind, String key, String reason, long messages, Instant oldest) {}

    /** Claim-readiness findings of one rule on the live encounters posted in the period, and how many are still open. */
    public record Findings(String rule, long findings, long open) {}

    /** A NAK sentence as WebPT's staff saw it, with its ACK code, HL7 error code and how many messages got it. */
    public record NakReason(String ackCode, int hl7Code, String text, long messages) {}

    public long messageCount() {
        return messages.stream().mapToLong(MessageCount::messages).sum();
    }

    public long count(Outcome outcome) {
        return messages.stream()
                .filter(m -> m.outcome() == outcome)
                .mapToLong(MessageCount::messages)
                .sum();
    }
}
