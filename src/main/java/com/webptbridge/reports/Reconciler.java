package com.webptbridge.reports;

import com.webptbridge.reports.Reconciliation.Line;
import com.webptbridge.reports.Reconciliation.Status;
import com.webptbridge.store.report.PostedVisits;
import com.webptbridge.store.report.PostedVisits.Posted;
import com.webptbridge.store.report.PostedVisits.Unposted;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reconciles WebPT's list against the interface's postings ({@link Reconciliation}). A billed line
 * that posted nothing is explained by the patient's last message that carried it (an FT1 of that
 * date and code) and is still waiting, rejected or unanswered; with none, it was never received.
 */
public final class Reconciler {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final PostedVisits store;

    public Reconciler(PostedVisits store) {
        this.store = store;
    }

    /** A patient's procedure code on a day: what both sides are summed by. */
    private record Key(String patientId, LocalDate day, String code) {}

    /** One side's lines of a key, summed. */
    private static final class Sum {
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal amount;
        Integer row;
        String visitId;
        Long journalId;
    }

    public Reconciliation reconcile(String interfaceId, List<BilledVisit> list) throws SQLException {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("The list has no visits: nothing to reconcile.");
        }
        Map<Key, Sum> billed = new LinkedHashMap<>();
        for (BilledVisit v : list) {
            Sum s = billed.computeIfAbsent(new Key(v.patientId(), v.serviceDate(), v.procedureCode()), k -> new Sum());
            s.units = s.units.add(v.units());
            s.amount = v.amount() == null ? s.amount : (s.amount == null ? v.amount() : s.amount.add(v.amount()));
            s.row = s.row == null ? v.row() : s.row;
            s.visitId = s.visitId == null ? v.visitId() : s.visitId;
        }
        LocalDate from = list.stream()
                .map(BilledVisit::serviceDate)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate to = list.stream()
                .map(BilledVisit::serviceDate)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Map<Key, Sum> posted = new LinkedHashMap<>();
        for (Posted p : store.charges(interfaceId, from, to)) {
            Sum s = posted.computeIfAbsent(new Key(p.patientId(), p.serviceDate(), p.procedureCode()), k -> new Sum());
            s.units = s.units.add(p.units());
            s.amount = s.amount == null ? p.amount() : s.amount.add(p.amount());
            s.journalId = s.journalId == null ? p.journalId() : s.journalId;
        }
        TreeSet<String> missingPatients = new TreeSet<>();
        billed.keySet().stream().filter(k -> !posted.containsKey(k)).forEach(k -> missingPatients.add(k.patientId()));
        // A visit's message comes after the visit: messages received before the first day cannot carry it.
        List<Unposted> unposted = store.unposted(
                interfaceId,
                missingPatients,
                from.atStartOfDay(ZoneOffset.UTC).minusDays(1).toInstant());

        List<Line> ok = new ArrayList<>();
        List<Line> notPosted = new ArrayList<>();
        List<Line> different = new ArrayList<>();
        for (Map.Entry<Key, Sum> e : billed.entrySet()) {
            Key k = e.getKey();
            Sum b = e.getValue();
            Sum p = posted.get(k);
            if (p == null) {
                notPosted.add(unposted(k, b, unposted));
            } else if (b.units.compareTo(p.units) != 0 || (b.amount != null && b.amount.compareTo(p.amount) != 0)) {
                different.add(line(Status.DIFFERENT, k, b, p, differs(b, p)));
            } else {
                ok.add(line(Status.POSTED, k, b, p, "Posted."));
            }
        }
        List<Line> notListed = new ArrayList<>();
        posted.forEach((k, p) -> {
            if (!billed.containsKey(k)) {
                notListed.add(
                        line(
                                Status.NOT_LISTED,
                                k,
                                null,
                                p,
                                "Posted, but not in WebPT's list: check the visit in WebPT (billed there since, or not meant to be billed)."));
            }
        });
        return new Reconciliation(interfaceId, from, to, ok, notPosted, notListed, different);
    }

    private static String differs(Sum b, Sum p) {
        List<String> parts = new ArrayList<>();
        if (b.units.compareTo(p.units) != 0) {
            parts.add("WebPT billed " + plain(b.units) + " unit(s), " + plain(p.units) + " were posted");
        }
        if (b.amount != null && b.amount.compareTo(p.amount) != 0) {
            parts.add("WebPT billed $" + b.amount.toPlainString() + ", $" + p.amount.toPlainString() + " was posted");
        }
        return String.join("; ", parts) + ".";
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static Line unposted(Key k, Sum b, List<Unposted> messages) {
        Optional<Unposted> last = messages.stream()
                .filter(m -> k.patientId().equals(patientOf(m)) && carries(m.rawMessage(), k.day(), k.code()))
                .reduce((first, second) -> second);
        if (last.isEmpty()) {
            return line(
                    Status.NEVER_RECEIVED,
                    k,
                    b,
                    null,
                    "Never received: no message of this interface carried it. Send the visit again from WebPT.");
        }
        Unposted m = last.get();
        String when = WHEN.format(m.receivedAt().atOffset(ZoneOffset.UTC));
        String nak = m.nak() == null ? "" : ": " + m.nak();
        Status status =
                switch (m.status()) {
                    case "ERROR" -> Status.WAITING;
                    case "REJECTED" -> Status.REJECTED;
                    default -> Status.RECEIVED;
                };
        String why =
                switch (status) {
                    case WAITING -> "Waiting since " + when + nak;
                    case REJECTED -> "Rejected on " + when + nak;
                    default -> "Received " + when + ", not yet answered.";
                };
        // linked to the message that waits or was refused
        return line(status, k, b, null, m.journalId(), why);
    }

    private static Line line(Status status, Key k, Sum b, Sum p, String why) {
        return line(status, k, b, p, p == null ? null : p.journalId, why);
    }

    /** A line of the billed side {@code b} and the posted side {@code p} (either may be null), linked to {@code journalId}. */
    private static Line line(Status status, Key k, Sum b, Sum p, Long journalId, String why) {
        return new Line(
                status,
                b == null ? null : b.row,
                k.patientId(),
                k.day(),
                k.code(),
                b == null ? null : b.units,
                b == null ? null : b.amount,
                p == null ? null : p.units,
                p == null ? null : p.amount,
                b == null ? null : b.visitId,
                journalId,
                why);
    }

    /** The journal's patient ID, or for a message rejected before it was read, PID-3's ID in its text. */
    static String patientOf(Unposted m) {
        if (m.patientId() != null) {
            return m.patientId();
        }
        String raw = m.rawMessage();
        if (raw == null || raw.length() < 8 || !raw.startsWith("MSH")) {
            return null;
        }
        String field = Pattern.quote(String.valueOf(raw.charAt(3)));
        String component = Pattern.quote(String.valueOf(raw.charAt(4)));
        for (String segment : raw.split("\r\n|\r|\n")) {
            String[] f = segment.split(field, -1);
            if (f[0].equals("PID") && f.length > 3) {
                return f[3].split(component, -1)[0];
            }
        }
        return null;
    }

    /** Whether the message's text has an FT1 of that date of service (FT1-4) and code (FT1-7 or FT1-25). */
    static boolean carries(String raw, LocalDate day, String code) {
        if (raw == null || raw.length() < 8 || !raw.startsWith("MSH")) {
            return false; // pruned, or not HL7
        }
        String field = Pattern.quote(String.valueOf(raw.charAt(3)));
        String component = Pattern.quote(String.valueOf(raw.charAt(4)));
        String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        for (String segment : raw.split("\r\n|\r|\n")) {
            if (!segment.startsWith("FT1")) {
                continue;
            }
            String[] f = segment.split(field, -1);
            boolean onDay = f.length > 4 && f[4].startsWith(date);
            boolean ofCode = (f.length > 7 && f[7].split(component, -1)[0].equalsIgnoreCase(code))
                    || (f.length > 25 && f[25].split(component, -1)[0].equalsIgnoreCase(code));
            if (onDay && ofCode) {
                return true;
            }
        }
        return false;
    }
}
