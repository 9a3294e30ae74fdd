package com.webptbridge.api;

import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.reports.Charts;
import com.webptbridge.reports.ReportDocument;
import com.webptbridge.reports.ReportPeriod;
import com.webptbridge.store.Database;
import com.webptbridge.store.report.Activity;
import com.webptbridge.store.report.PeriodReport;
import com.webptbridge.store.report.ReportQueries;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/reports}: one interface's report for a period ({@code ?period=today|day|week} or
 * {@code ?from=&to=}) as JSON, CSV, text or a printable HTML page; {@code GET /api/reports/all}: one
 * line per practice the account may see. Reports name providers, facilities, codes and payers, never a
 * patient, so a viewer may read them.
 */
final class ReportsResource {

    private static final List<String> FORMATS = List.of("json", "csv", "text", "html");

    private final ReportQueries queries;
    private final Charts charts;
    private final InterfaceRegistry interfaces;
    private final Clock clock;

    ReportsResource(Database db, InterfaceRegistry interfaces, Clock clock) {
        this.queries = new ReportQueries(db);
        this.charts = new Charts(new Activity(db), clock);
        this.interfaces = interfaces;
        this.clock = clock;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get(
                                ApiPath.of("api", "reports", "all"),
                                Role.VIEWER,
                                "one line per practice for a period: messages by outcome, encounters and charges posted,"
                                        + " waiting; ?period=&from=&to=",
                                this::all)
                        .taking("period", "from", "to"),
                Endpoint.get(
                                ApiPath.of("api", "reports", "series"),
                                Role.VIEWER,
                                "the charts' numbers: per hour over ?hours=24|168 messages by outcome, NAK rate and"
                                        + " waiting; charges posted per day",
                                this::series)
                        .taking("hours")
                        .ofInterface(),
                Endpoint.get(
                                ApiPath.of("api", "reports"),
                                Role.VIEWER,
                                "the interface's report for a period, ?period=today|day|week or ?from=&to=,"
                                        + " &format=json|csv|text|html",
                                this::report)
                        .taking("period", "from", "to", "format")
                        .ofInterface());
    }

    private ReportPeriod period(Call call) {
        try {
            return ReportPeriod.of(call.query("period"), call.query("from"), call.query("to"), clock);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private ApiResponse report(Call call) throws Exception {
        String format = call.query("format") == null ? "json" : call.query("format");
        if (!FORMATS.contains(format)) {
            throw new ApiException(400, "format must be json, csv, text or html, was '" + format + "'.");
        }
        ReportPeriod period = period(call);
        RunningInterface practice = call.practice();
        PeriodReport report = queries.report(practice.id(), period.from(), period.to());
        String name = practice.definition().name() == null
                ? practice.id()
                : practice.definition().name();
        return switch (format) {
            case "csv" -> raw("text/csv; charset=utf-8", ReportDocument.csv(report));
            case "text" -> raw("text/plain; charset=utf-8", ReportDocument.text(report, name));
            case "html" -> ApiResponse.ok(new AdminApi.Raw(
                    "text/html; charset=utf-8",
                    ReportDocument.html(report, name).getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Security-Policy", ReportDocument.policy())));
            default -> ApiResponse.ok(report);
        };
    }

    private ApiResponse series(Call call) throws Exception {
        String hours = call.query("hours") == null ? "24" : call.query("hours");
        try {
            return ApiResponse.ok(charts.series(call.practice().id(), Integer.parseInt(hours)));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "hours must be 24 or 168 (7 days), was '" + hours + "'.");
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private static ApiResponse raw(String type, String text) {
        return ApiResponse.ok(new AdminApi.Raw(type, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A practice's line in the "All interfaces" view. */
    record Line(
            String interfaceId,
            String name,
            long messages,
            long processed,
            long waiting,
            long rejected,
            long duplicates,
            long test,
            long encounters,
            long charges,
            BigDecimal units,
            BigDecimal amount) {}

    private ApiResponse all(Call call) throws Exception {
        ReportPeriod period = period(call);
        List<Line> lines = new ArrayList<>();
        for (RunningInterface practice : interfaces.running()) {
            if (!call.mayUse(practice.id())) {
                continue;
            }
            PeriodReport r = queries.report(practice.id(), period.from(), period.to());
            lines.add(new Line(
                    practice.id(),
                    practice.definition().name(),
                    r.messageCount(),
                    r.count(PeriodReport.Outcome.PROCESSED),
                    r.count(PeriodReport.Outcome.WAITING),
                    r.count(PeriodReport.Outcome.REJECTED),
                    r.count(PeriodReport.Outcome.DUPLICATE),
                    r.count(PeriodReport.Outcome.TEST),
                    r.encounters(),
                    r.charges().charges(),
                    r.charges().units(),
                    r.charges().amount()));
        }
        return ApiResponse.ok(Map.of("from", period.from(), "to", period.to(), "interfaces", lines));
    }
}
