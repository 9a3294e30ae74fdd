package com.webptbridge.reports;

import com.webptbridge.store.report.Activity;
import com.webptbridge.store.report.Activity.Posting;
import com.webptbridge.store.report.Activity.Received;
import com.webptbridge.store.report.Activity.Waited;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind the console's charts, one interface's: per hour over the last 24 hours or 7
 * days, the messages received by outcome, the NAK rate and the messages waiting at the hour's end;
 * per day, the charges posted. Hours and days are the engine's (its time zone).
 */
public final class Charts {

    /** The windows the console offers, in hours. */
    public static final List<Integer> WINDOWS = List.of(24, 168);

    /** One hour: its start, the messages received in it by outcome, the share answered AE/AR, what waited at its end. */
    public record Hour(
            Instant start,
            long processed,
            long waiting,
            long rejected,
            long duplicate,
            long received,
            long test,
            BigDecimal nakRate,
            long waitingAtEnd) {}

    /** One day's live postings. */
    public record Day(LocalDate day, long charges, BigDecimal amount) {}

    public record Series(String interfaceId, int hours, List<Hour> perHour, List<Day> perDay) {}

    private final Activity activity;
    private final Clock clock;

    public Charts(Activity activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    /** @param hours 24 or 168 ({@link #WINDOWS}) */
    public Series series(String interfaceId, int hours) throws SQLException {
        if (!WINDOWS.contains(hours)) {
            throw new IllegalArgumentException("hours must be 24 or 168 (7 days), was " + hours + ".");
        }
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        // the current hour last, so the chart ends now
        Instant end =
                now.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
        Instant start = end.minus(Duration.ofHours(hours));
        long[][] counts = new long[hours][7];
        for (Received r : activity.received(interfaceId, start, end)) {
            int h = (int) Duration.between(start, r.at()).toHours();
            long[] c = counts[h];
            if (r.test()) {
                c[5]++;
                continue;
            }
            switch (r.status()) {
                case "PROCESSED" -> c[0]++;
                case "ERROR" -> c[1]++;
                case "REJECTED" -> c[2]++;
                case "DUPLICATE" -> c[3]++;
                default -> c[4]++;
            }
            if ("AE".equals(r.ackCode()) || "AR".equals(r.ackCode())) {
                c[6]++;
            }
        }
        List<Waited> waited = activity.waited(interfaceId, start, end);
        List<Hour> perHour = new ArrayList<>(hours);
        for (int h = 0; h < hours; h++) {
            long[] c = counts[h];
            Instant hourEnd = start.plus(Duration.ofHours(h + 1L));
            Instant at = hourEnd.isAfter(now) ? now : hourEnd;
            long backlog = waited.stream()
                    .filter(w -> !w.from().isAfter(at)
                            && (w.until() == null || w.until().isAfter(at)))
                    .count();
            long live = c[0] + c[1] + c[2] + c[3] + c[4];
            BigDecimal rate = live == 0
                    ? BigDecimal.ZERO.setScale(3)
                    : BigDecimal.valueOf(c[6]).divide(BigDecimal.valueOf(live), 3, RoundingMode.HALF_UP);
            perHour.add(new Hour(start.plus(Duration.ofHours(h)), c[0], c[1], c[2], c[3], c[4], c[5], rate, backlog));
        }
        LocalDate firstDay = start.atZone(zone).toLocalDate();
        int days = (int) ChronoUnit.DAYS.between(firstDay, now.atZone(zone).toLocalDate()) + 1;
        long[] charges = new long[days];
        BigDecimal[] amounts = new BigDecimal[days];
        java.util.Arrays.fill(amounts, BigDecimal.ZERO.setScale(2));
        Instant daysStart = firstDay.atStartOfDay(zone).toInstant();
        for (Posting p : activity.postings(interfaceId, daysStart, end)) {
            int d = (int) ChronoUnit.DAYS.between(firstDay, p.at().atZone(zone).toLocalDate());
            if (d >= 0 && d < days) {
                charges[d]++;
                amounts[d] = amounts[d].add(p.amount());
            }
        }
        List<Day> perDay = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            perDay.add(new Day(firstDay.plusDays(d), charges[d], amounts[d]));
        }
        return new Series(interfaceId, hours, perHour, perDay);
    }
}
