package com.webptbridge.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.webptbridge.support.ReportMix;
import com.webptbridge.support.SeededDft.Charge;
import com.webptbridge.support.SeededDft.Place;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.webptbridge.support.ReportMix.ack;
import static com.webptbridge.support.ReportMix.dft;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A known mix of traffic into one practice's interface, and beside it another practice's: the
 * report counts the first one's messages by type and outcome, and sums its charges by provider,
 * facility, code and payer to the cent, the same in JSON, CSV and text; the other practice's traffic
 * is in none of them.
 */
class ReportIT {

    /** Amounts read as written, to the cent (not as doubles). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private static Path dir;
    private static TestEngine engine;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void sendTheMix() throws Exception {
        dir = Files.createTempDirectory("report-it");
        portA = TestEngine.freePort();
        portB = TestEngine.freePort();
        define("clinic-a", portA);
        define("clinic-b", portB);
        engine = TestEngine.start(Map.of("bridge.interfaces.dir", dir.toString()));

        ReportMix.send(portA);
        // Another practice: its money must not show in clinic-a's report.
        assertThat(ack(portB, dft("B-1", "RB1", Place.SPRINGFIELD, new Charge("97110", "3", "999.99"))))
                .isEqualTo("AA");
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static void define(String id, int port) throws Exception {
        Files.writeString(
                dir.resolve(id + ".yaml"),
                "id: " + id + "\nname: Practice " + id + "\nmllp:\n  host: 127.0.0.1\n  port: " + port
                        + "\nreference: conf/reference\n");
    }

    private static String get(String path, String authorization) throws Exception {
        HttpResponse<String> r = engine.get(path, authorization);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static String today() {
        return java.time.LocalDate.now().toString();
    }

    private static String report(String format) throws Exception {
        return get(
                "/api/interfaces/clinic-a/reports?from=" + today() + "&to=" + today() + "&format=" + format,
                TestEngine.ADMIN_AUTH);
    }

    @Test
    void jsonCountsTheMessagesByTypeAndOutcomeAndSumsTheChargesToTheCent() throws Exception {
        JsonNode r = JSON.readTree(report("json"));
        Map<String, Long> messages = new HashMap<>();
        r.get("messages")
                .forEach(m -> messages.merge(
                        m.get("type").asText() + " " + m.get("outcome").asText(),
                        m.get("messages").asLong(),
                        Long::sum));
        assertThat(messages)
                .containsOnly(
                        Map.entry("DFT^P03 PROCESSED", 2L),
                        Map.entry("DFT^P03 WAITING", 1L),
                        Map.entry("DFT^P03 DUPLICATE", 1L),
                        Map.entry("ADT^A08 PROCESSED", 1L),
                        Map.entry("ADT^A99 REJECTED", 1L));
        assertThat(r.get("duplicates").asLong()).isEqualTo(1);
        assertThat(r.get("encounters").asLong()).isEqualTo(2);
        assertTotal(r.get("charges"), 4, "5.00", "297.50");

        assertThat(totals(r.get("byProvider")))
                .containsOnly(Map.entry("12", "2/3.00/132.00"), Map.entry("14", "2/2.00/165.50"));
        assertThat(totals(r.get("byFacility")))
                .containsOnly(Map.entry("7", "2/3.00/132.00"), Map.entry("8", "2/2.00/165.50"));
        assertThat(totals(r.get("byCode")))
                .containsOnly(
                        Map.entry("97110", "2/3.00/135.50"),
                        Map.entry("97140", "1/1.00/42.00"),
                        Map.entry("97161", "1/1.00/120.00"));
        assertThat(totals(r.get("byPayer")))
                .containsOnly(Map.entry("1042", "2/3.00/132.00"), Map.entry("1043", "2/2.00/165.50"));
        assertThat(r.get("byProvider").get(0).get("label").asText())
                .contains("Chen")
                .contains("1679576722");

        assertThat(r.get("waiting")).hasSize(1);
        assertThat(r.get("waiting").get(0).get("key").asText()).isEqualTo("2001");
        assertThat(r.get("waiting").get(0).get("messages").asLong()).isEqualTo(1);
        List<String> naks = new java.util.ArrayList<>();
        r.get("naks")
                .forEach(n ->
                        naks.add(n.get("ackCode").asText() + " " + n.get("text").asText()));
        assertThat(naks).anySatisfy(n -> assertThat(n).startsWith("AE ").contains("2001"));
        assertThat(naks).anySatisfy(n -> assertThat(n).startsWith("AR ").contains("A99"));
    }

    @Test
    void claimReadinessFindingsAreCountedByRuleAsTheFindingsListHasThem() throws Exception {
        JsonNode r = JSON.readTree(report("json"));
        JsonNode listed = JSON.readTree(get("/api/interfaces/clinic-a/findings", TestEngine.ADMIN_AUTH));
        Map<String, Long> byRule = new HashMap<>();
        (listed.isArray() ? listed : listed.get("findings"))
                .forEach(f -> byRule.merge(f.get("rule").asText(), 1L, Long::sum));
        Map<String, Long> reported = new HashMap<>();
        r.get("findings")
                .forEach(f ->
                        reported.put(f.get("rule").asText(), f.get("findings").asLong()));
        assertThat(byRule).as("the Medicare visit (payer 1043) breaks rules").isNotEmpty();
        assertThat(reported).isEqualTo(byRule);
        assertThat(report("text")).contains("Claim-readiness findings by rule:");
    }

    private static void assertTotal(JsonNode t, long charges, String units, String amount) {
        assertThat(t.get("charges").asLong()).isEqualTo(charges);
        assertThat(t.get("units").decimalValue()).isEqualByComparingTo(units);
        assertThat(t.get("amount").decimalValue()).isEqualTo(new BigDecimal(amount));
    }

    private static Map<String, String> totals(JsonNode section) {
        Map<String, String> out = new HashMap<>();
        section.forEach(t -> out.put(
                t.get("key").asText(),
                t.get("charges").asLong() + "/" + t.get("units").decimalValue().setScale(2) + "/"
                        + t.get("amount").decimalValue().toPlainString()));
        return out;
    }

    @Test
    void csvHasTheSameNumbersOneLinePerNumber() throws Exception {
        CsvMapper csv = new CsvMapper();
        List<Map<String, String>> lines;
        try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(report("csv"))) {
            lines = it.readAll();
        }
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .containsEntry("section", "charges")
                .containsEntry("charges", "4")
                .containsEntry("amount", "297.50"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .containsEntry("section", "provider")
                .containsEntry("key", "14")
                .containsEntry("units", "2.00")
                .containsEntry("amount", "165.50"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .containsEntry("section", "procedure code")
                .containsEntry("key", "97110")
                .containsEntry("amount", "135.50"));
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .containsEntry("section", "messages")
                .containsEntry("key", "DFT^P03")
                .containsEntry("label", "waiting")
                .containsEntry("messages", "1"));
        assertThat(lines).noneSatisfy(l -> assertThat(l.get("amount")).isEqualTo("999.99"));
    }

    @Test
    void textIsForTheTerminalWithTheSameTotals() throws Exception {
        String text = report("text");
        assertThat(text)
                .contains("Report for Practice clinic-a")
                .contains("Encounters posted: 2")
                .contains("Charges posted: 4 charge(s), 5 unit(s), $297.50")
                .contains("payer 2001")
                .doesNotContain("999.99");
        com.webptbridge.support.Cli.Result cli = com.webptbridge.support.Cli.run(
                "report", "--interface", "clinic-a", "--period", "today", "--url", engine.url());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Charges posted: 4 charge(s), 5 unit(s), $297.50");
        String html = report("html");
        assertThat(html).contains("<h1>Report: Practice clinic-a</h1>").contains("$297.50");
    }

    @Test
    void allInterfacesGivesOneLinePerPracticeAndAnotherPracticeKeepsItsOwn() throws Exception {
        JsonNode all = JSON.readTree(get("/api/reports/all?from=" + today(), TestEngine.ADMIN_AUTH));
        Map<String, JsonNode> lines = new HashMap<>();
        all.get("interfaces").forEach(l -> lines.put(l.get("interfaceId").asText(), l));
        assertThat(lines.get("clinic-a").get("amount").decimalValue()).isEqualTo(new BigDecimal("297.50"));
        assertThat(lines.get("clinic-a").get("waiting").asLong()).isEqualTo(1);
        assertThat(lines.get("clinic-b").get("amount").decimalValue()).isEqualTo(new BigDecimal("999.99"));
        assertThat(lines.get("clinic-b").get("messages").asLong()).isEqualTo(1);
    }

    @Test
    void theChartsSeriesCountsTheSameMessagesPerHourAndTheChargesPerDay() throws Exception {
        for (int hours : new int[] {24, 168}) {
            JsonNode s =
                    JSON.readTree(get("/api/interfaces/clinic-a/reports/series?hours=" + hours, TestEngine.ADMIN_AUTH));
            JsonNode perHour = s.get("perHour");
            assertThat(perHour).hasSize(hours);
            long processed = 0, waiting = 0, rejected = 0, duplicate = 0;
            for (JsonNode h : perHour) {
                processed += h.get("processed").asLong();
                waiting += h.get("waiting").asLong();
                rejected += h.get("rejected").asLong();
                duplicate += h.get("duplicate").asLong();
            }
            assertThat(List.of(processed, waiting, rejected, duplicate)).containsExactly(3L, 1L, 1L, 1L);
            JsonNode last = perHour.get(hours - 1);
            assertThat(last.get("waitingAtEnd").asLong())
                    .as("the payer-2001 DFT waits now")
                    .isEqualTo(1);
            assertThat(perHour.get(0).get("waitingAtEnd").asLong()).isZero();
            JsonNode today = s.get("perDay").get(s.get("perDay").size() - 1);
            assertThat(today.get("day").asText()).isEqualTo(today());
            assertThat(today.get("charges").asLong()).isEqualTo(4);
            assertThat(today.get("amount").decimalValue()).isEqualTo(new BigDecimal("297.50"));
        }
        JsonNode one = JSON.readTree(get("/api/interfaces/clinic-a/reports/series", TestEngine.ADMIN_AUTH));
        BigDecimal naks = BigDecimal.ZERO;
        for (JsonNode h : one.get("perHour")) {
            naks = naks.add(h.get("nakRate")
                    .decimalValue()
                    .multiply(BigDecimal.valueOf(h.get("processed").asLong()
                            + h.get("waiting").asLong()
                            + h.get("rejected").asLong()
                            + h.get("duplicate").asLong()
                            + h.get("received").asLong())));
        }
        assertThat(naks.setScale(0, java.math.RoundingMode.HALF_UP))
                .as("AE + AR answers")
                .isEqualByComparingTo("2");
        assertThat(engine.get("/api/interfaces/clinic-a/reports/series?hours=48")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aViewerReadsTheReportAndNoPatientIdIsInIt() throws Exception {
        HttpResponse<String> added = engine.send(
                "POST",
                "/api/users",
                "{\"name\": \"report-viewer\", \"role\": \"viewer\", \"interfaces\": [\"clinic-a\"]}",
                TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String viewer = TestEngine.basic(
                "report-viewer", JSON.readTree(added.body()).get("password").asText());
        for (String format : List.of("json", "csv", "text", "html")) {
            String body = get("/api/interfaces/clinic-a/reports?period=today&format=" + format, viewer);
            assertThat(body).as(format).contains("297.50").doesNotContain("RA1").doesNotContain("RA2");
        }
        HttpResponse<String> other = engine.get("/api/interfaces/clinic-b/reports", viewer);
        assertThat(other.statusCode()).isEqualTo(403);
        JsonNode all = JSON.readTree(get("/api/reports/all", viewer));
        assertThat(all.get("interfaces")).hasSize(1);
    }

    @Test
    void aPeriodThatIsNotUnderstoodIsRefusedWithWhatToSend() throws Exception {
        HttpResponse<String> r = engine.get("/api/interfaces/clinic-a/reports?period=fortnight");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("today, day (yesterday) or week");
        HttpResponse<String> d = engine.get("/api/interfaces/clinic-a/reports?from=12/01/2026");
        assertThat(d.statusCode()).isEqualTo(400);
        assertThat(d.body()).contains("from must be a date (2026-12-01)");
    }
}
