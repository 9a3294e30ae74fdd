package com.webptbridge.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The period {@code [from, to)} a report covers, in the engine's time zone: a preset ({@code today},
 * {@code day} for yesterday, {@code week} for the seven days before today), or {@code from}/{@code to},
 * each a date (whole days: {@code to} is included) or an instant.
 */
public record ReportPeriod(Instant from, Instant to) {

    /** What a period may be asked for with, for the sentences that refuse another. */
    public static final String PRESETS = "today, day (yesterday) or week (the 7 days before today)";

    public ReportPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The period's start " + from + " is not before its end " + to + ".");
        }
    }

    /**
     * The period asked for; today so far when nothing is given.
     *
     * @throws IllegalArgumentException with the sentence to show when a value is not understood
     */
    public static ReportPeriod of(String preset, String from, String to, Clock clock) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        if (preset != null && (from != null || to != null)) {
            throw new IllegalArgumentException("Give a period or from/to, not both.");
        }
        if (preset != null) {
            return switch (preset) {
                case "today" -> new ReportPeriod(start(today, zone), clock.instant());
                case "day" -> new ReportPeriod(start(today.minusDays(1), zone), start(today, zone));
                case "week" -> new ReportPeriod(start(today.minusDays(7), zone), start(today, zone));
                default -> throw new IllegalArgumentException("period must be " + PRESETS + ", was '" + preset + "'.");
            };
        }
        Instant start = from == null ? start(today, zone) : instant(from, "from", zone, false);
        Instant end = to == null ? clock.instant() : instant(to, "to", zone, true);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from (" + start + ") must be before to (" + end + ").");
        }
        return new ReportPeriod(start, end);
    }

    /** The day {@code date} as a period, midnight to midnight in the zone (the daily report's). */
    public static ReportPeriod day(LocalDate date, ZoneId zone) {
        return new ReportPeriod(start(date, zone), start(date.plusDays(1), zone));
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant instant(String text, String name, ZoneId zone, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return start(end ? day.plusDays(1) : day, zone);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be a date (2026-12-01) or an instant (2026-12-01T14:00:00Z), was '" + text + "'.");
        }
    }
}
