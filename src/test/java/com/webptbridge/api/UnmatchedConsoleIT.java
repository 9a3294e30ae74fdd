package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Browser;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's unmatched messages in real headless Chromium: a new clinic's message on a shared
 * port is counted on the overview, listed on the Unmatched page and assigned there to an interface,
 * which processes it; a viewer is told the page is for admins.
 */
class UnmatchedConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestEngine engine;
    private static Browser browser;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("unmatched-console");
        port = TestEngine.freePort();
        for (String[] i : new String[][] {{"clinic-c", "CLINC"}, {"clinic-d", "CLIND"}}) {
            Files.writeString(
                    dir.resolve(i[0] + ".yaml"),
                    "id: " + i[0] + "\nname: Practice " + i[0] + "\nmllp:\n  host: 127.0.0.1\n  port: " + port
                            + "\nmatch:\n  sendingFacility: " + i[1] + "\nreference: conf/reference\n");
        }
        engine = TestEngine.start(Map.of("bridge.interfaces.dir", dir.toString()));
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

    @Test
    void anAdminSeesTheNewClinicsMessageAndAssignsItAndAViewerIsRefused() throws Exception {
        assertThat(send(Hl7Builder.adt("A04")
                        .facility("NEWCLINIC")
                        .controlId("UNM-1")
                        .patient("PU1")
                        .field("PID", 5, "Unmatched^Una")
                        .field("PID", 7, "19800101")))
                .isEqualTo("AR");

        browser.logIn("admin", TestEngine.ADMIN_PASSWORD);
        browser.open("#/overview");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("overview-unmatched-count"), "1"));
        browser.find("#overview-unmatched-count").click();
        String row = "#unmatched-list tr[data-control-id='UNM-1']";
        assertThat(browser.find(row).getText())
                .contains("NEWCLINIC")
                .contains("ADT^A04")
                .doesNotContain("PU1")
                .doesNotContain("Una");
        assertThat(browser.find("#unmatched-total").getText()).isEqualTo("1");
        browser.screenshot("unmatched");

        new Select(browser.find(row + " select.assign-to")).selectByValue("clinic-c");
        browser.find(row + " button.assign").click();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("assign-outcome"), "PROCESSED"));
        assertThat(browser.find("#assign-outcome").getText()).contains("assigned to clinic-c");
        HttpResponse<String> patient = engine.get("/api/interfaces/clinic-c/patients/PU1");
        assertThat(patient.statusCode()).as(patient.body()).isEqualTo(200);
        assertThat(JSON.readTree(patient.body()).get("firstName").asText()).isEqualTo("Una");
        browser.open("#/overview");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("overview-unmatched-count"), "0"));

        HttpResponse<String> added =
                engine.send("POST", "/api/users", "{\"name\":\"vic\",\"role\":\"viewer\"}", TestEngine.ADMIN_AUTH);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        browser.find("#logout").click();
        browser.logIn("vic", JSON.readTree(added.body()).get("password").asText());
        browser.open("#/unmatched");
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("unmatched-refused"), "admins only"));
        browser.open("#/overview");
        browser.find("#overview tbody tr");
        assertThat(browser.driver().findElements(By.id("overview-unmatched"))).isEmpty();
    }
}
