package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Browser;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Builder;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in real headless Chromium (Debian's chromium and chromium-driver): log in, the
 * dashboard counts the messages just sent, a DFT waiting for a payer is in the worklist and the
 * worklist's form releases it, the message browser finds a message and highlights its ERR location,
 * a viewer sees no raw content, and a message can be tried. Screenshots go to target/console-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static Browser browser;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.on(engine.url());
        driver = browser.driver();
        wait = browser.waiting();

        send(adt("CON-1", "C100"));
        send(adt("CON-2", "C101"));
        assertThat(send(dft("CON-DFT", "C300", "4242"))).contains("MSA|AE");
        assertThat(send(dft("CON-ERR", "C301", "5555"))).contains("MSA|AE");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    static String adt(String controlId, String patientId) {
        return Hl7Builder.adt("A04")
                .facility("CONSOLE")
                .controlId(controlId)
                .patient(patientId)
                .field("PID", 5, "Console^Cora")
                .field("PID", 7, "19800101")
                .text();
    }

    static String dft(String controlId, String patientId, String payer) {
        return SeededDft.builder("CONSOLE", controlId, patientId, new SeededDft.Charge("97110", "1", "45.00"))
                .field("PID", 5, "Console^Cora")
                .field("PID", 7, "19800101")
                .field("PV1", 8, "1987654328^Ref^Rita^^^^^^^^^^NPI")
                .field("PV1", 19, "V-" + controlId)
                .field("FT1", 2, controlId + "-1")
                .field("IN1", 3, payer)
                .field("IN1", 4, "Payer")
                .field("IN1", 16, "Console^Cora")
                .field("IN1", 18, "19800101")
                .text();
    }

    static String send(String message) throws Exception {
        try (MllpClient c = engine.connect()) {
            return new String(c.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8);
        }
    }

    static void screenshot(String name) throws Exception {
        browser.screenshot(name);
    }

    static void open(String hash) {
        browser.open(hash);
    }

    static void logIn(String user, String password) {
        browser.logIn(user, password);
    }

    static WebElement find(String css) {
        return browser.find(css);
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedOnTheLoginPage() throws Exception {
        driver.get(engine.url() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        screenshot("login");
        driver.findElement(By.id("login-user")).sendKeys("admin");
        driver.findElement(By.id("login-password")).sendKeys("not-the-password");
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "not accepted"));
    }

    @Test
    @Order(2)
    void theDashboardCountsTheMessagesJustSent() throws Exception {
        logIn("admin", TestEngine.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.id("dash-hour-received"), "4"));
        assertThat(find("#dash-hour-processed").getText()).isEqualTo("2");
        assertThat(find("#dash-hour-waiting").getText()).isEqualTo("2");
        assertThat(find("#dash-waiting").getText()).isEqualTo("2");
        assertThat(find("#dash-hour-nak").getText()).isEqualTo("50.0 %");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("ADT^A04")
                .contains("DFT^P03");
        screenshot("dashboard");
        open("#/overview");
        assertThat(find("#overview tr[data-interface='default']").getText()).contains("4");
        screenshot("overview");
    }

    @Test
    @Order(3)
    void addingThePayerInTheWorklistReleasesTheWaitingDft() throws Exception {
        open("#/worklist");
        WebElement group = find("section.group[data-kind='payer'][data-key='4242']");
        assertThat(group.getText()).contains("CON-DFT").contains("C300");
        screenshot("worklist");
        WebElement form = group.findElement(By.cssSelector("form.add-form"));
        assertThat(form.findElement(By.name("sequenceNumber")).getAttribute("value"))
                .isEqualTo("4242");
        form.findElement(By.name("name")).sendKeys("Console Health");
        form.findElement(By.name("payerId")).sendKeys("CH123");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement released = find("#worklist-result li[data-control-id='CON-DFT']");
        assertThat(released.getText()).contains("PROCESSED").contains("AA");
        screenshot("worklist-released");
        HttpResponse<String> entry = engine.get("/api/messages?controlId=CON-DFT");
        assertThat(JSON.readTree(entry.body()).get(0).get("status").asText()).isEqualTo("PROCESSED");
    }

    @Test
    @Order(4)
    void theMessageBrowserFindsAMessageAndHighlightsItsErrLocation() throws Exception {
        open("#/messages");
        find("#search-form input[name=controlId]").sendKeys("CON-ERR");
        driver.findElement(By.id("search-submit")).click();
        // The search re-renders the page: wait for the filtered list, then take its link.
        wait.until(ExpectedConditions.urlContains("CON-ERR"));
        wait.until(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 1
                && !d.findElements(By.cssSelector("#results tr[data-control-id='CON-ERR']"))
                        .isEmpty());
        screenshot("messages");
        find("#results tr[data-control-id='CON-ERR'] a").click();
        WebElement highlighted = find("#segments tr.err-loc[data-location='IN1-3']");
        assertThat(highlighted.getText()).contains("5555");
        assertThat(find("#ack-errors").getText()).contains("IN1-3");
        assertThat(find("#segments").getText()).contains("Insurance Company ID");
        screenshot("message");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", highlighted);
        screenshot("message-err-location");
    }

    @Test
    @Order(5)
    void referenceDataListsTheRecordsWithTheirSequenceNumbers() throws Exception {
        open("#/reference/payers");
        assertThat(find("#reference-table").getText()).contains("4242").contains("Console Health");
        screenshot("reference");
    }

    @Test
    @Order(6)
    void tryingAMessageShowsItsChangesAndStoresNothing() throws Exception {
        long before = engine.engine().interfaces().running().get(0).journal().count();
        open("#/try");
        WebElement text = find("#try-message");
        // Typed as a person would, a line per segment: WebDriver types no bare CR into a textarea.
        text.sendKeys(
                adt("CON-TRY", "C100").replace("Console^Cora", "Tried^Cora").replace('\r', '\n'));
        driver.findElement(By.id("try-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("try-status"), "PROCESSED"));
        assertThat(find("#try-changes").getText()).contains("Console").contains("Tried");
        screenshot("try");
        assertThat(engine.engine().interfaces().running().get(0).journal().count())
                .isEqualTo(before);
    }

    @Test
    @Order(7)
    void aViewerSeesNoRawContent() throws Exception {
        HttpResponse<String> added =
                engine.send("POST", "/api/users", "{\"name\":\"vic\",\"role\":\"viewer\"}", TestEngine.ADMIN_AUTH);
        String password = JSON.readTree(added.body()).get("password").asText();
        driver.findElement(By.id("logout")).click();
        logIn("vic", password);
        long id = JSON.readTree(engine.get("/api/messages?controlId=CON-ERR").body())
                .get(0)
                .get("id")
                .asLong();
        open("#/message/" + id);
        assertThat(find("#raw-hidden").getText()).contains("not shown");
        assertThat(driver.findElements(By.id("segments"))).isEmpty();
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Console^Cora");
        screenshot("message-viewer");
    }

    /**
     * Issue #22: the console kept the Basic credentials in sessionStorage. After a login the page's
     * storage holds no password and no Basic string, and its scripts cannot read the session
     * cookie (HttpOnly); when an admin resets the password the next page shows the login form, saying
     * the session has ended.
     */
    @Test
    @Order(8)
    void theBrowserKeepsNoCredentialAndAResetPasswordEndsTheSession() throws Exception {
        HttpResponse<String> added =
                engine.send("POST", "/api/users", "{\"name\":\"stella\",\"role\":\"viewer\"}", TestEngine.ADMIN_AUTH);
        String password = JSON.readTree(added.body()).get("password").asText();
        logIn("stella", password);
        find("#dash-waiting");
        String basic = TestEngine.basic("stella", password).substring("Basic ".length());
        for (String storage : java.util.List.of("sessionStorage", "localStorage")) {
            String held = (String) driver.executeScript(
                    "const s = window[arguments[0]], out = [];"
                            + " for (let i = 0; i < s.length; i++) out.push(s.key(i) + '=' + s.getItem(s.key(i)));"
                            + " return out.join('\\n');",
                    storage);
            assertThat(held)
                    .as(storage)
                    .doesNotContain(password)
                    .doesNotContain(basic)
                    .doesNotContainIgnoringCase("basic")
                    .doesNotContain("bridge.auth");
        }
        assertThat((String) driver.executeScript("return document.cookie;")).doesNotContain("bridge_session");
        assertThat(driver.manage().getCookieNamed("bridge_session").isHttpOnly())
                .isTrue();

        HttpResponse<String> reset = engine.send("POST", "/api/users/stella/password", "{}", TestEngine.ADMIN_AUTH);
        assertThat(reset.statusCode()).isEqualTo(200);
        driver.findElement(By.id("nav-worklist")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Your session has ended"));
        assertThat(driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        screenshot("session-ended");
    }
}
