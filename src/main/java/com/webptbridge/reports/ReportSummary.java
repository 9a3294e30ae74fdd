package com.webptbridge.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.store.report.PeriodReport;
import com.webptbridge.store.report.PeriodReport.Outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A day's report in short, as the webhook receives it (JSON): the interface and day, messages by
 * outcome, encounters, charges (count, units, amount), the messages waiting and the top NAK reasons.
 * Counts and sentences only: no patient, no message text.
 */
public record ReportSummary(
        String interfaceId,
        String name,
        String date,
        String from,
        String to,
        long messagesTotal,
        Map<String, Long> messages,
        long encounters,
        Charges charges,
        long waiting,
        long duplicates,
        List<Nak> topNakReasons) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The charges posted: how many, their units and their amount (exact). */
    public record Charges(long count, BigDecimal units, BigDecimal amount) {}

    /** A NAK sentence and how many messages got it. */
    public record Nak(String ackCode, int hl7Code, String text, long messages) {}

    public static ReportSummary of(PeriodReport r, String name, LocalDate date) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o.label(), r.count(o));
        }
        return new ReportSummary(
                r.interfaceId(),
                name,
                date.toString(),
                r.from().toString(),
                r.to().toString(),
                r.messageCount(),
                byOutcome,
                r.encounters(),
                new Charges(
                        r.charges().charges(), r.charges().units(), r.charges().amount()),
                r.waiting().stream().mapToLong(PeriodReport.Waiting::messages).sum(),
                r.duplicates(),
                r.naks().stream()
                        .map(n -> new Nak(n.ackCode(), n.hl7Code(), n.text(), n.messages()))
                        .toList());
    }

    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report summary cannot be written as JSON", e);
        }
    }
}
