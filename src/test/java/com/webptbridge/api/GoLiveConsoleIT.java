package com.webptbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Browser;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's go-live page in real headless Chromium, as an admin takes a new interface live: the
 * lifecycle state, the test phase, the readiness check failing on an Alternate ID the test traffic
 * named, the billing system's payer export uploaded, previewed and applied (which releases the
 * waiting DFT), the check passing, the printable Alternate ID sheet, and Go live.
 */
class GoLiveConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PAYER_EXPORT = Path.of("src/test/resources/imports/cmd-payers.csv");

    private static TestEngine engine;
    private static Browser browser;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("golive-console");
        port = TestEngine.freePort();
        Files.writeString(
                dir.resolve("golive.yaml"),
                "id: golive\nname: Go-Live Clinic\nmllp:\n  host: 127.0.0.1\n  port: " + port
                        + "\nreference: conf/reference\n");
        engine = TestEngine.start(
                Map.of("bridge.interfaces.dir", dir.toString(), "bridge.interfaces.initial-state", "setup"));
        browser = Browser.on(engine.url());
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

    private static String send(Hl7Builder message) throws Exception {
        try (MllpClient c = MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(20))) {
            return Hl7Text.get(
                    Hl7Text.parseAck(new String(c.exchange(message.bytes()), StandardCharsets.UTF_8)), "/MSA-1");
        }
    }

    private void click(String css) {
        browser.find(css).click();
    }

    private void waitForText(String id, String text) {
        browser.waiting().until(ExpectedConditions.textToBe(By.id(id), text));
    }

    @Test
    void anAdminTakesAnInterfaceFromSetupToLiveInTheConsole() throws Exception {
        browser.logIn("admin", TestEngine.ADMIN_PASSWORD);
        browser.find("#iface option[value='golive']");
        new Select(browser.find("#iface")).selectByValue("golive");
        browser.open("#/golive");
        waitForText("lifecycle-state", "setup");
        browser.screenshot("golive-setup");

        click("#lifecycle-testing");
        waitForText("lifecycle-state", "testing");
        assertThat(send(Hl7Builder.adt("A04")
                        .facility("CLINIC")
                        .controlId("GL-ADT")
                        .patient("P-GL1")))
                .isEqualTo("AA");
        assertThat(send(SeededDft.builder("CLINIC", "GL-DFT", "P-GL1", SeededDft.Charge.of("97110"))
                        .field("FT1", 2, "GL-DFT-1")
                        .field("IN1", 3, "1100")))
                .as("the DFT names payer 1100, which the billing export has and this interface not yet")
                .isEqualTo("AE");

        click("#readiness-run");
        waitForText("readiness-verdict", "FAIL");
        assertThat(browser.find("#readiness li[data-key='1100']").getText()).contains("1 message(s)");
        browser.screenshot("golive-readiness-fail");

        new Select(browser.find("#import-kind")).selectByValue("payers");
        browser.find("#import-file").sendKeys(PAYER_EXPORT.toAbsolutePath().toString());
        click("#import-preview");
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("import-counts"), "2 to add, 1 to change, 1 unchanged, 2 refused."));
        assertThat(browser.find("#import-refused").getText()).contains("1099");
        assertThat(browser.find("#import-add").getText()).contains("UnitedHealthcare");
        assertThat(JSON.readTree(
                                engine.get("/api/interfaces/golive/payers/1100").body())
                        .has("name"))
                .as("nothing stored by the preview")
                .isFalse();
        browser.screenshot("golive-import-preview");

        click("#import-apply");
        assertThat(browser.find("#import-applied").getText()).contains("2 added, 1 changed");
        assertThat(browser.find("#import-result li[data-control-id='GL-DFT']").getText())
                .contains("PROCESSED");

        click("#readiness-run");
        browser.waiting()
                .until(ExpectedConditions.attributeToBe(
                        By.cssSelector("#readiness tr[data-check=\"test traffic's references resolve\"]"),
                        "class",
                        "verdict-PASS"));
        assertThat(browser.find("#readiness-verdict").getText()).isNotEqualTo("FAIL");

        browser.open("#/sheet");
        assertThat(browser.find("#sheet section[data-kind='payers']").getText())
                .contains("UnitedHealthcare")
                .contains("1100");
        assertThat(browser.find("#sheet section.phone").getText())
                .as("facilities apart")
                .isNotEmpty();
        browser.screenshot("golive-sheet");

        browser.open("#/golive");
        waitForText("lifecycle-state", "testing");
        click("#golive-button");
        waitForText("lifecycle-state", "live");
        browser.screenshot("golive-live");

        JsonNode lifecycle =
                JSON.readTree(engine.get("/api/interfaces/golive/lifecycle").body());
        JsonNode last = lifecycle.get("history").get(lifecycle.get("history").size() - 1);
        assertThat(last.get("to").asText()).isEqualTo("live");
        assertThat(last.get("forced").asBoolean()).isFalse();
        assertThat(engine.get("/api/interfaces/golive/sandbox/patients/P-GL1").statusCode())
                .as("going live cleared the sandbox")
                .isEqualTo(404);
        assertThat(engine.get("/api/interfaces/golive/patients/P-GL1").statusCode())
                .as("the test traffic never reached live data")
                .isEqualTo(404);
    }
}
