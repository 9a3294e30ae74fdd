package com.webptbridge.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.SeededDft.Charge;
import com.webptbridge.support.SeededDft.Place;
import com.webptbridge.support.TestEngine;
import com.webptbridge.support.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.webptbridge.support.ReportMix.ack;
import static com.webptbridge.support.ReportMix.dft;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily report by itself: a known mix into one practice's interface, the job run for the day
 * writes both practices' HTML and CSV with the mix's totals (0600 files in 0700 folders), a second
 * run writes nothing again, reports beyond keep-days are removed; the summary reaches a webhook as
 * JSON, and a webhook that answers 500 is tried again after each pause, then shows as failing in
 * the API and the metric.
 */
class DailyReportIT {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private static Path dir;
    private static Path reports;
    private static TestEngine engine;
    private static HttpServer receiver;
    private static final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> failedTries = new ConcurrentHashMap<>();
    private static DailyReportJob.Run first;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", x -> {
            delivered.add(JSON.readTree(x.getRequestBody().readAllBytes()));
            answer(x, 204);
        });
        receiver.createContext("/fail", x -> {
            String date =
                    JSON.readTree(x.getRequestBody().readAllBytes()).get("date").asText();
            failedTries.computeIfAbsent(date, d -> new AtomicInteger()).incrementAndGet();
            answer(x, 500);
        });
        receiver.start();
        String hooks = "http://127.0.0.1:" + receiver.getAddress().getPort();
        dir = Files.createTempDirectory("daily-it");
        reports = Files.createTempDirectory("daily-reports").resolve("reports");
        int portA = TestEngine.freePort();
        define("clinic-a", portA, hooks + "/ok?token=s3cret");
        define("clinic-b", TestEngine.freePort(), hooks + "/fail?token=s3cret");
        engine = TestEngine.start(Map.of(
                "bridge.interfaces.dir", dir.toString(),
                "bridge.reports.enabled", "true",
                "bridge.reports.dir", reports.toString(),
                "bridge.reports.daily-at", "00:00",
                "bridge.reports.keep-days", "30",
                "bridge.reports.webhook-backoff-ms", "50,100",
                "bridge.reports.webhook-timeout-seconds", "5"));
        DailyReportJob job = job();
        // The look at start writes the day due (yesterday: no traffic) before the mix arrives.
        Wait.until("the job's first look", Duration.ofSeconds(30), () -> job.ticks() >= 1);
        // Beside what it wrote: a day beyond keep-days (30), one within, and a file of the operator's.
        LocalDate today = LocalDate.now();
        Path a = reports.resolve("clinic-a");
        Files.writeString(a.resolve(today.minusDays(31) + ".html"), "old");
        Files.writeString(a.resolve(today.minusDays(31) + ".csv"), "old");
        Files.writeString(a.resolve(today.minusDays(29) + ".csv"), "kept");
        Files.writeString(a.resolve("notes.txt"), "an operator's");

        String visit = dft(
                "A-1", "RA1", Place.SPRINGFIELD, new Charge("97110", "2", "90.00"), new Charge("97140", "1", "42.00"));
        assertThat(ack(portA, visit)).isEqualTo("AA");
        assertThat(ack(
                        portA,
                        dft(
                                "A-2",
                                "RA2",
                                Place.PEORIA,
                                new Charge("97161", "1", "120.00"),
                                new Charge("97110", "1", "45.50"))))
                .isEqualTo("AA");
        assertThat(ack(portA, dft("A-3", "RA3", Place.SPRINGFIELD.paidBy("2001"), Charge.of("97110"))))
                .isEqualTo("AE");
        assertThat(ack(portA, visit)).as("a resend").isEqualTo("AA");
        assertThat(ack(
                        portA,
                        Hl7Builder.adt("A99")
                                .facility("CLINIC-A")
                                .controlId("A-5")
                                .patient("RA1")
                                .text()))
                .isEqualTo("AR");
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static void answer(HttpExchange x, int status) throws java.io.IOException {
        x.sendResponseHeaders(status, -1);
        x.close();
    }

    private static DailyReportJob job() {
        return engine.engine().dailyReports().orElseThrow();
    }

    /** Today's run, once: both tests read what it did. */
    private static synchronized DailyReportJob.Run firstRun() throws Exception {
        if (first == null) {
            first = job().runFor(LocalDate.now());
        }
        return first;
    }

    private static void define(String id, int port, String webhook) throws Exception {
        Files.writeString(
                dir.resolve(id + ".yaml"),
                "id: " + id + "\nname: Practice " + id + "\nmllp:\n  host: 127.0.0.1\n  port: " + port
                        + "\nreference: conf/reference\nreports:\n  webhook: " + webhook + "\n");
    }

    @Test
    void theDaysFilesHaveTheTotalsAreWrittenOnceAndOldOnesGo() throws Exception {
        LocalDate today = LocalDate.now();
        Path a = reports.resolve("clinic-a");

        DailyReportJob.Run run = firstRun();
        assertThat(run.claimed()).isTrue();
        assertThat(run.written()).containsExactlyInAnyOrder("clinic-a", "clinic-b");

        Path html = a.resolve(today + ".html");
        Path csv = a.resolve(today + ".csv");
        assertThat(Files.readString(html))
                .contains("<h1>Report: Practice clinic-a</h1>")
                .contains("Encounters posted: 2")
                .contains("Charges posted: 4 charge(s), 5 unit(s), $297.50")
                .doesNotContain("RA1");
        assertThat(Files.readString(csv))
                .contains("charges,all,,,4,5.00,297.50,")
                .contains("messages,DFT^P03,waiting,1,")
                .contains("messages,DFT^P03,duplicate,1,")
                .contains("messages,ADT^A99,rejected,1,");
        assertThat(Files.readString(reports.resolve("clinic-b").resolve(today + ".csv")))
                .contains("charges,all,,,0,");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(html)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(reports)))
                .isEqualTo("rwx------");
        try (var left = Files.list(a)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no partial file is left, the old day is gone, the rest is kept")
                    .containsExactlyInAnyOrder(
                            today + ".html",
                            today + ".csv",
                            today.minusDays(1) + ".html",
                            today.minusDays(1) + ".csv",
                            today.minusDays(29) + ".csv",
                            "notes.txt");
        }
        assertThat(run.removed()).isEqualTo(2);

        FileTime written = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(html, written);
        DailyReportJob.Run again = job().runFor(today);
        assertThat(again.written()).as("a day is written once").isEmpty();
        assertThat(again.already()).containsExactlyInAnyOrder("clinic-a", "clinic-b");
        assertThat(Files.getLastModifiedTime(html)).isEqualTo(written);
    }

    @Test
    void theSummaryReachesTheWebhookAndAFailingOneIsRetriedAndShown() throws Exception {
        String today = LocalDate.now().toString();
        firstRun();
        JsonNode summary = delivered.stream()
                .filter(d -> d.get("date").asText().equals(today))
                .findFirst()
                .orElseThrow();
        assertThat(summary.get("interfaceId").asText()).isEqualTo("clinic-a");
        assertThat(summary.get("messagesTotal").asLong()).isEqualTo(5);
        assertThat(summary.get("messages").get("processed").asLong()).isEqualTo(2);
        assertThat(summary.get("messages").get("waiting").asLong()).isEqualTo(1);
        assertThat(summary.get("messages").get("duplicate").asLong()).isEqualTo(1);
        assertThat(summary.get("messages").get("rejected").asLong()).isEqualTo(1);
        assertThat(summary.get("encounters").asLong()).isEqualTo(2);
        assertThat(summary.get("charges").get("count").asLong()).isEqualTo(4);
        assertThat(summary.get("charges").get("units").decimalValue()).isEqualByComparingTo("5");
        assertThat(summary.get("charges").get("amount").decimalValue()).isEqualTo(new BigDecimal("297.50"));
        assertThat(summary.get("waiting").asLong()).isEqualTo(1);
        assertThat(summary.get("topNakReasons").toString()).contains("2001").contains("A99");
        assertThat(summary.toString())
                .doesNotContain("RA1")
                .doesNotContain("RA2")
                .doesNotContain("RA3");

        assertThat(failedTries.get(today).get())
                .as("1 try and 2 more after the pauses")
                .isEqualTo(3);

        HttpResponse<String> r = engine.get("/api/reports/daily", TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> lines = new HashMap<>();
        JSON.readTree(r.body())
                .get("interfaces")
                .forEach(l -> lines.put(l.get("interfaceId").asText(), l));
        JsonNode b = lines.get("clinic-b");
        assertThat(b.get("webhook").asBoolean()).isTrue();
        assertThat(b.get("lastWebhook").get("date").asText()).isEqualTo(today);
        assertThat(b.get("lastWebhook").get("webhookStatus").asText()).isEqualTo("failing");
        assertThat(b.get("lastWebhook").get("webhookError").asText()).isEqualTo("HTTP 500 from 127.0.0.1");
        assertThat(b.get("lastWebhook").get("webhookAttempts").asInt()).isEqualTo(3);
        assertThat(b.get("days").get(0).get("date").asText()).isEqualTo(today);
        assertThat(lines.get("clinic-a").get("lastWebhook").get("webhookStatus").asText())
                .isEqualTo("ok");
        assertThat(r.body()).doesNotContain("s3cret");

        // Today's and the day the first look wrote (yesterday) both failed.
        assertThat(engine.metric("bridge_report_webhook_failures_total\\{interface=\"clinic-b\"\\}"))
                .isEqualTo(2);
        assertThat(engine.metric("bridge_report_webhook_failures_total\\{interface=\"clinic-a\"\\}"))
                .isZero();
    }
}
