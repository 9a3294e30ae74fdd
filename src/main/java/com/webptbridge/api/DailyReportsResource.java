package com.webptbridge.api;

import com.webptbridge.interfaces.InterfaceRegistry;
import com.webptbridge.interfaces.RunningInterface;
import com.webptbridge.store.Database;
import com.webptbridge.store.report.DailyRuns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/reports/daily}: the daily reports written, per interface the account may see (the
 * newest days first, from the database, so every instance answers the same), whether it has a
 * webhook, and how the last delivery to it went: ok, or failing with the error and when. The
 * webhook's address is not shown (its query may hold the receiver's secret).
 */
final class DailyReportsResource {

    /** How many days per interface the answer lists. */
    private static final int DAYS = 31;

    private final DailyRuns runs;
    private final InterfaceRegistry interfaces;

    DailyReportsResource(Database db, InterfaceRegistry interfaces) {
        this.runs = db == null ? null : new DailyRuns(db);
        this.interfaces = interfaces;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.get(
                ApiPath.of("api", "reports", "daily"),
                Role.VIEWER,
                "the daily reports written per interface (newest first) and the last webhook delivery: ok, or"
                        + " failing with the error and when",
                this::daily));
    }

    /** One interface's daily reports: its days, and the last webhook delivery (null when none was tried). */
    record Line(String interfaceId, boolean webhook, DailyRuns.Run lastWebhook, List<DailyRuns.Run> days) {}

    private ApiResponse daily(Call call) throws Exception {
        List<Line> lines = new ArrayList<>();
        for (RunningInterface practice : interfaces.running()) {
            if (!call.mayUse(practice.id())) {
                continue;
            }
            List<DailyRuns.Run> days = runs.runs(practice.id(), DAYS);
            DailyRuns.Run last = days.stream()
                    .filter(r -> r.webhookStatus() != null)
                    .findFirst()
                    .orElse(null);
            lines.add(new Line(practice.id(), practice.definition().reportWebhook() != null, last, days));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("interfaces", lines);
        return ApiResponse.ok(out);
    }
}
