package com.webptbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Browser;
import com.webptbridge.support.ReportMix;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.SeededDft.Charge;
import com.webptbridge.support.SeededDft.Place;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.webptbridge.support.ReportMix.ack;
import static com.webptbridge.support.ReportMix.dft;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's reports, charts and reconciliation in real headless Chromium at 1280 x 800, over a
 * real engine with two practices: clinic-a gets ReportIT's known mix (four charges, $297.50), clinic-b
 * ReconcileIT's postings. The dashboard's 24-hour chart carries the API's numbers hour by hour and
 * follows the interface selector; the report page shows the period's totals to the cent, its tables,
 * charts and every practice's line; the reconcile upload lists the not-posted lines first, each with
 * its message's link; labels are the analyst's words; each worklist group gives its advice once;
 * tables sort and page; no page scrolls sideways.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BILLED = Path.of("src/test/resources/reconcile/webpt-billed.csv");
    private static final List<String> OUTCOMES =
            List.of("processed", "waiting", "rejected", "duplicate", "received", "test");

    private static TestEngine engine;
    private static Browser browser;
    private static ChromeDriver driver;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("reports-console");
        portA = TestEngine.freePort();
        portB = TestEngine.freePort();
        for (var practice : Map.of("clinic-a", portA, "clinic-b", portB).entrySet()) {
            Files.writeString(
                    dir.resolve(practice.getKey() + ".yaml"),
                    "id: " + practice.getKey() + "\nname: Practice " + practice.getKey()
                            + "\nmllp:\n  host: 127.0.0.1\n  port: " + practice.getValue()
                            + "\nreference: conf/reference\n");
        }
        engine = TestEngine.start(Map.of("bridge.interfaces.dir", dir.toString()));

        ReportMix.send(portA);

        // clinic-b: ReconcileIT's postings, against the fixture list of what WebPT billed.
        assertThat(ack(portB, dft("R-1", "RC1", Place.SPRINGFIELD, new Charge("97110", "1", "45.00"))))
                .isEqualTo("AA");
        assertThat(ack(portB, dft("R-2", "RC2", Place.SPRINGFIELD, new Charge("97110", "2", "90.00"))))
                .isEqualTo("AA");
        assertThat(ack(portB, dft("R-3", "RC3", Place.SPRINGFIELD.paidBy("2001"), new Charge("97110", "1", "45.00"))))
                .isEqualTo("AE");
        assertThat(ack(
                        portB,
                        SeededDft.builder("CLINIC", "R-4", "RC4", Place.SPRINGFIELD, new Charge("97140", "1", "42.00"))
                                .field("PV1", 19, "V-R-4")
                                .field("MSH", 11, "X")
                                .text()))
                .isEqualTo("AR");
        assertThat(ack(portB, dft("R-6", "RC6", Place.PEORIA, new Charge("97161", "1", "120.00"))))
                .isEqualTo("AA");

        browser = Browser.on(engine.url());
        driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 800));
        browser.logIn("admin", TestEngine.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** Selects the interface on the dashboard, and waits for the dashboard to show it before going elsewhere. */
    private static void choose(String iface) {
        browser.open("#/dashboard");
        browser.find("#iface option[value='" + iface + "']");
        new Select(browser.find("#iface")).selectByValue(iface);
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#dashboard h2"), iface));
    }

    /** A screenshot of the whole page (the window as tall as the page for a moment), for people to look at. */
    private static void fullShot(String name) throws Exception {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 150, 8000)));
        browser.screenshot(name);
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    private static String text(String css) {
        return browser.find(css).getText();
    }

    /** A chart's table as the page has it: each row's x (the hour's start) and its numbers by series. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> chartTable(String chart) {
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#" + chart + "-data tbody tr"))
                .isEmpty());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) driver.executeScript(
                "return [...document.querySelectorAll('#' + arguments[0] + '-data tbody tr')].map(tr => ({x:"
                        + " tr.dataset.x, cells: Object.fromEntries([...tr.querySelectorAll('td')].map(td =>"
                        + " [td.dataset.series, td.dataset.value]))}))",
                chart);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            out.put((String) row.get("x"), (Map<String, String>) row.get("cells"));
        }
        return out;
    }

    private static void assertChartIsTheApis(String iface) throws Exception {
        JsonNode series = JSON.readTree(engine.get("/api/interfaces/" + iface + "/reports/series?hours=24")
                .body());
        Map<String, Map<String, String>> shown = chartTable("dash-charts-messages");
        assertThat(shown).hasSize(series.get("perHour").size()).hasSize(24);
        long processed = 0;
        for (JsonNode hour : series.get("perHour")) {
            Map<String, String> row = shown.get(hour.get("start").asText());
            assertThat(row).as("the chart's hour " + hour.get("start")).isNotNull();
            for (String outcome : OUTCOMES) {
                assertThat(row.get(outcome))
                        .as(iface + " " + hour.get("start") + " " + outcome)
                        .isEqualTo(hour.get(outcome).asText());
            }
            processed += hour.get("processed").asLong();
        }
        assertThat(processed)
                .as("the mix's processed messages are in the window")
                .isEqualTo(3);
        assertThat(browser.find("#dash-charts-messages-plot canvas").isDisplayed())
                .as("uPlot drew the chart")
                .isTrue();
    }

    @Test
    @Order(0)
    void theChartingLibraryIsServedFromTheJarWithItsLicenceAndNothingElseOfTheWebJar() throws Exception {
        var script = engine.get("/console/lib/uplot/uPlot.iife.min.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("uPlot");
        assertThat(engine.get("/console/lib/uplot/uPlot.min.css", null).statusCode())
                .isEqualTo(200);
        assertThat(engine.get("/console/lib/uplot/LICENSE", null).body()).contains("MIT");
        assertThat(engine.get("/console/lib/uplot/package.json", null).statusCode())
                .isEqualTo(404);
        assertThat(engine.get("/console/lib/uplot/..%2F..%2Fconsole.js", null).statusCode())
                .isEqualTo(404);
        assertThat(driver.executeScript("return typeof uPlot")).isEqualTo("function");
    }

    @Test
    @Order(1)
    void theDashboardsChartIsTheApisNumbersAndFollowsTheInterfaceSelector() throws Exception {
        choose("clinic-a");
        browser.open("#/dashboard");
        assertChartIsTheApis("clinic-a");
        assertThat(browser.find("#dash-charts-messages-data tbody").getAttribute("textContent"))
                .as("the numbers are in the page, not only in the tooltip")
                .isNotBlank();
        fullShot("reports-dashboard-chart");

        choose("clinic-b");
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#dashboard h2"), "clinic-b"));
        assertChartIsTheApis("clinic-b");
        long duplicates = chartTable("dash-charts-messages").values().stream()
                .mapToLong(r -> Long.parseLong(r.get("duplicate")))
                .sum();
        assertThat(duplicates)
                .as("clinic-b had no resend; clinic-a's is not shown")
                .isZero();
    }

    @Test
    @Order(2)
    void theReportPageShowsThePeriodsTablesChartsAndTotalsToTheCent() throws Exception {
        choose("clinic-a");
        browser.open("#/reports");
        assertThat(text("#report-total-amount")).isEqualTo("$297.50");
        assertThat(text("#report-total-charges")).isEqualTo("4");
        assertThat(text("#report-total-encounters")).isEqualTo("2");
        assertThat(text("#report-total-duplicates")).isEqualTo("1");
        assertThat(text("#report-by-code tr[data-key='97110']")).contains("$135.50");
        assertThat(text("#report-by-provider tr[data-key='14']")).contains("$165.50");
        assertThat(text("#report-by-payer tr[data-key='1042']")).contains("$132.00");
        assertThat(text("#report-by-facility tr.total")).contains("$297.50");
        assertThat(text("#report-messages tr[data-key='DFT^P03']"))
                .as("type, processed, waiting, rejected, duplicate, not yet answered, test, all")
                .isEqualTo("DFT^P03 2 1 0 1 0 0 4");
        assertThat(text("#report-waiting tr[data-key='2001']")).contains("payer");
        assertThat(text("#report-naks")).contains("2001").contains("A99");
        assertThat(browser.find("#report-download-csv").getText()).isEqualTo("CSV");
        assertThat(browser.find("#report-download-html").isDisplayed()).isTrue();
        for (String window : List.of("report-charts-24", "report-charts-168")) {
            assertThat(driver.findElements(By.cssSelector("#" + window + " figure.chart")))
                    .hasSize(4);
            assertThat(driver.findElements(By.cssSelector("#" + window + " .chart-plot canvas")))
                    .as("each chart drawn")
                    .hasSize(4);
            assertThat(driver.findElements(By.cssSelector("#" + window + " table.chart-data")))
                    .as("each chart's numbers as a table")
                    .hasSize(4);
        }
        assertThat(chartTable("report-charts-168-messages")).hasSize(168);
        String today = LocalDate.now().toString();
        assertThat(chartTable("report-charts-24-charges").get(today).get("amount"))
                .as("today's bar")
                .isEqualTo("297.5");
        assertThat(text("#report-all tr[data-key='clinic-a']")).contains("$297.50");
        assertThat(text("#report-all tr[data-key='clinic-b']")).contains("$255.00");
        fullShot("reports-page");

        // The downloads are the API's own files, fetched with this login: the CSV has the period's total.
        driver.executeScript("window.downloads = []; const create = URL.createObjectURL;"
                + " URL.createObjectURL = b => { window.downloads.push(b); return create(b); };"
                + " HTMLAnchorElement.prototype.click = function () { window.savedAs = this.download; };");
        browser.find("#report-download-csv").click();
        browser.waiting().until(d -> driver.executeScript("return window.downloads.length")
                .equals(1L));
        String csv = (String) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.downloads[0].text().then(done);");
        assertThat(csv)
                .startsWith("section,key,label,messages,charges,units,amount,since")
                .contains("charges,all,,,4,5.00,297.50");
        assertThat(driver.executeScript("return window.savedAs")).isEqualTo("report-clinic-a-today.csv");

        // Sorting by a header, again to reverse; the total stays last.
        WebElement amount = browser.find("#report-by-code thead th:nth-child(4) button");
        amount.click();
        assertThat(firstKeys("#report-by-code")).containsExactly("97140", "97161", "97110", "all");
        amount.click();
        assertThat(firstKeys("#report-by-code")).containsExactly("97110", "97161", "97140", "all");

        browser.find("#report-preset-day").click();
        browser.waiting().until(ExpectedConditions.urlContains("period%3Dday"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("report-total-amount"), "$0.00"));

        driver.executeScript(
                "document.getElementById('report-from').value = arguments[0];"
                        + " document.getElementById('report-to').value = arguments[0];",
                today);
        browser.find("#report-show").click();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("report-total-amount"), "$297.50"));
        assertThat(driver.getCurrentUrl()).contains("from%3D" + today);
    }

    private static List<String> firstKeys(String table) {
        List<String> keys = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector(table + " tbody tr"))) {
            keys.add(tr.getAttribute("data-key"));
        }
        return keys;
    }

    @Test
    @Order(3)
    void theReconcileUploadListsTheNotPostedLinesFirstEachLinkingToItsMessage() throws Exception {
        choose("clinic-b");
        browser.open("#/reconcile");
        browser.find("#reconcile-file").sendKeys(BILLED.toAbsolutePath().toString());
        browser.find("#reconcile-submit").click();
        assertThat(text("#reconcile-counts"))
                .contains("1 posted, 3 not posted, 1 posted differently, 1 posted but not in WebPT's list");
        List<WebElement> parts = driver.findElements(By.cssSelector("#reconcile-result section.reconcile-part"));
        assertThat(parts.get(0).getAttribute("id")).isEqualTo("reconcile-part-notPosted");
        assertThat(firstKeys("#reconcile-notPosted")).containsExactlyInAnyOrder("RC3", "RC4", "RC5");
        assertThat(text("#reconcile-notPosted tr[data-key='RC3']"))
                .startsWith("Waiting")
                .contains("2001");
        assertThat(text("#reconcile-notPosted tr[data-key='RC4']")).contains("Rejected");
        assertThat(text("#reconcile-notPosted tr[data-key='RC5']")).contains("Never received");
        assertThat(driver.findElements(By.cssSelector("#reconcile-notPosted tr[data-key='RC5'] a")))
                .as("never received: no message to link")
                .isEmpty();
        assertThat(text("#reconcile-different tr[data-key='RC2']"))
                .contains("$135.00")
                .contains("$90.00");
        assertThat(text("#reconcile-notListed tr[data-key='RC6']")).contains("$120.00");
        fullShot("reports-reconcile");

        JsonNode waiting = JSON.readTree(engine.get("/api/interfaces/clinic-b/messages?controlId=R-3")
                        .body())
                .get(0);
        WebElement link = browser.find("#reconcile-notPosted tr[data-key='RC3'] a.message-link");
        assertThat(link.getAttribute("href"))
                .endsWith("#/message/" + waiting.get("id").asText());
        link.click();
        assertThat(text("#message-status")).isEqualTo("ERROR");
        assertThat(text("#message h2")).contains("R-3");
    }

    @Test
    @Order(3)
    void aPageLeftWhileItLoadsDoesNotReplaceTheNextOne() throws Exception {
        choose("clinic-a");
        browser.open("#/reports");
        browser.find("#report-total-amount");
        driver.executeScript("performance.clearResourceTimings(); const s = document.getElementById('iface');"
                + " s.value = 'clinic-b'; s.dispatchEvent(new Event('change')); location.hash = '#/reconcile';");
        browser.find("#reconcile-form");
        // Every answer the left report page asked for has arrived (and been read) ...
        browser.waiting()
                .until(d -> (Boolean) driver.executeScript("const done = performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/api/interfaces/clinic-b/reports')).length;"
                        + " return done >= 3;"));
        driver.executeAsyncScript("const done = arguments[arguments.length - 1]; setTimeout(done, 300);");
        // ... and the page shown is still the one the address names.
        assertThat(driver.findElements(By.id("reconcile-form"))).hasSize(1);
        assertThat(driver.findElements(By.id("reports"))).isEmpty();
    }

    @Test
    @Order(4)
    void labelsAreTheAnalystsWordsAndEachWorklistGroupAdvisesOnce() throws Exception {
        choose("clinic-a");
        browser.open("#/worklist");
        WebElement group = browser.find("section.group[data-kind='payer'][data-key='2001']");
        String advice = group.getText().toLowerCase(java.util.Locale.ROOT);
        assertThat(advice.split("add the payer in the billing system", -1))
                .as("the advice once: " + group.getText())
                .hasSize(2);
        assertThat(group.getText())
                .contains("Payer ID")
                .contains("Address line 1")
                .contains("Plan type");
        assertCamelFree("worklist");
        for (String page : List.of("#/reference/payers", "#/reference/facilities", "#/reference/procedure-codes")) {
            browser.open(page);
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("reference-form-title"),
                            page.endsWith("payers") ? "payer" : page.endsWith("facilities") ? "facility" : "code"));
            assertCamelFree(page);
        }
        assertThat(text("#reference-form")).contains("Default revenue code");
        browser.open("#/reports");
        browser.find("#report-total-amount");
        assertCamelFree("reports");
        browser.open("#/reconcile");
        browser.find("#reconcile-form");
        assertCamelFree("reconcile");
    }

    @SuppressWarnings("unchecked")
    private static void assertCamelFree(String page) {
        List<String> labels = (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('#main label, #main th')].map(e => e.textContent.trim())");
        assertThat(labels).as(page + "'s labels").isNotEmpty();
        // A field's name in camelCase (payerId); WebPT, a name, is not one.
        assertThat(labels).as(page + "'s labels and headers").noneMatch(l -> l.replace("WebPT", "")
                .matches("(?s).*[a-z][A-Z].*"));
    }

    @Test
    @Order(5)
    void noPageScrollsSidewaysAt1280Pixels() throws Exception {
        choose("clinic-a");
        String journalId = JSON.readTree(engine.get("/api/interfaces/clinic-a/messages?controlId=A-3")
                        .body())
                .get(0)
                .get("id")
                .asText();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("#/dashboard", "#dash-charts canvas");
        pages.put("#/overview", "#overview tr[data-interface='clinic-b']");
        pages.put("#/worklist", "section.group");
        pages.put("#/messages", "#results");
        pages.put("#/message/" + journalId, "#segments");
        pages.put("#/reference/payers", "#reference-table");
        pages.put("#/try", "#try-form");
        pages.put("#/golive", "#lifecycle-state");
        pages.put("#/sheet", "#sheet");
        pages.put("#/reports", "#report-charts-168 canvas");
        pages.put("#/reconcile", "#reconcile-form");
        pages.put("#/unmatched", "#unmatched h2");
        for (var page : pages.entrySet()) {
            browser.open(page.getKey());
            browser.find(page.getValue());
            long scroll = (Long) driver.executeScript("return document.documentElement.scrollWidth");
            long client = (Long) driver.executeScript("return document.documentElement.clientWidth");
            assertThat(scroll).as(page.getKey() + " scrolls sideways").isLessThanOrEqualTo(client);
            browser.screenshot("reports-1280-" + page.getKey().replaceAll("[^a-z]", ""));
        }
    }

    @Test
    @Order(6)
    void aLongListPagesFiftyRowsAtATime() throws Exception {
        for (int i = 0; i < 60; i++) {
            var added = engine.send(
                    "POST",
                    "/api/interfaces/clinic-a/payers",
                    "{\"sequenceNumber\": \"" + (5001 + i) + "\", \"name\": \"Paged Payer " + i
                            + "\", \"payerId\": \"PG" + i + "\"}",
                    TestEngine.ADMIN_AUTH);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
        choose("clinic-a");
        browser.open("#/reference/payers");
        WebElement pager = browser.find("#reference-table + p.pager");
        int rows =
                driver.findElements(By.cssSelector("#reference-table tbody tr")).size();
        assertThat(rows).isGreaterThan(60);
        assertThat(pager.getText()).contains("Rows 1–50 of " + rows);
        assertThat(visibleRows()).isEqualTo(50);
        pager.findElement(By.cssSelector("button.page-next")).click();
        assertThat(text("#reference-table + p.pager")).contains("Rows 51–" + Math.min(rows, 100) + " of " + rows);
        assertThat(visibleRows()).isEqualTo(Math.min(rows, 100) - 50);
        browser.screenshot("reports-paged");
    }

    private static long visibleRows() {
        return (Long) driver.executeScript(
                "return [...document.querySelectorAll('#reference-table tbody tr')].filter(r => !r.hidden).length");
    }
}
