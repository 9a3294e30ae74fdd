package com.webptbridge.reference;

import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alternate ID sheet on a running engine seeded from conf/reference, over its real database:
 * every active record's Sequence Number and NPI per kind, facilities apart, in CSV and HTML; with
 * --since only what changed after it.
 */
class SheetIT {

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    @Test
    void theCsvSheetListsEveryActiveRecordWithItsSequenceNumberAndNpiPerKind() throws Exception {
        assertThat(engine.send("DELETE", "/api/payers/1050", null, TestEngine.ADMIN_AUTH)
                        .statusCode())
                .isEqualTo(200);

        Cli.Result sheet = Cli.run("interface", "sheet", "default", "--format", "csv", "--url", engine.url());

        assertThat(sheet.exitCode()).as(sheet.err()).isZero();
        assertThat(sheet.out().lines())
                .startsWith("section,name,alternateId,npi", "facilities,\"Springfield Physical Therapy\",7,1122334455")
                .contains(
                        "facilities,\"Peoria Physical Therapy\",8,1765432103",
                        "payers,\"Blue Cross Blue Shield of Illinois\",1042,",
                        "payers,\"Medicare Part B Illinois\",1043,",
                        "providers,\"Reyes, Maria\",12,1234567893",
                        "referring-providers,\"Patel, Anita\",501,1987654328",
                        "procedure-codes,97110,1,")
                .noneMatch(l -> l.contains("Aetna")); // deactivated: WebPT must not enter it
    }

    @Test
    void theHtmlSheetIsOnePrintablePageWithTheFacilitiesInTheirOwnSection() throws Exception {
        HttpResponse<String> page = engine.get("/api/sheet?format=html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'none'; style-src 'sha256-");
        String html = page.body();
        assertThat(html).contains("@media print").doesNotContain("<script").doesNotContain("<link");
        String facilities = html.substring(html.indexOf("<section class=\"phone\">"), html.indexOf("</section>"));
        assertThat(facilities)
                .contains("Facilities (read these to WebPT over the phone)")
                .contains("<td>Springfield Physical Therapy</td><td class=\"id\">7</td><td>1122334455</td>")
                .doesNotContain("Blue Cross");
        assertThat(html).contains("<td>Blue Cross Blue Shield of Illinois</td><td class=\"id\">1042</td><td></td>");
    }

    @Test
    void theJsonSheetIsWhatTheConsolePagePrints() throws Exception {
        com.fasterxml.jackson.databind.JsonNode sheet = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                        engine.get("/api/interfaces/default/sheet?format=json").body());

        assertThat(sheet.get("interfaceId").asText()).isEqualTo("default");
        assertThat(sheet.at("/sections/0/kind").asText()).isEqualTo("facilities");
        assertThat(sheet.at("/sections/0/byPhone").asBoolean()).isTrue();
        assertThat(sheet.at("/sections/0/lines/0").toString())
                .isEqualTo("{\"name\":\"Springfield Physical Therapy\",\"sequenceNumber\":7,\"npi\":\"1122334455\"}");
        assertThat(engine.get("/api/sheet?format=pdf").statusCode()).isEqualTo(400);
    }

    @Test
    void sinceListsOnlyTheRecordsChangedAfterIt() throws Exception {
        Instant before = Instant.now();
        assertThat(engine.send("PUT", "/api/payers/1043", "{\"zip\":\"46207\"}", TestEngine.ADMIN_AUTH)
                        .statusCode())
                .isEqualTo(200);
        assertThat(engine.send(
                                "POST",
                                "/api/facilities",
                                "{\"sequenceNumber\":9,\"name\":\"Normal PT\",\"npi\":\"1300000001\"}",
                                TestEngine.ADMIN_AUTH)
                        .statusCode())
                .isEqualTo(201);

        Cli.Result sheet = Cli.run(
                "interface",
                "sheet",
                "default",
                "--format",
                "csv",
                "--since",
                before.toString(),
                "--url",
                engine.url());

        assertThat(sheet.exitCode()).as(sheet.err()).isZero();
        assertThat(sheet.out().lines())
                .containsExactly(
                        "section,name,alternateId,npi",
                        "facilities,\"Normal PT\",9,1300000001",
                        "payers,\"Medicare Part B Illinois\",1043,");
        assertThat(Cli.run(
                                "interface",
                                "sheet",
                                "default",
                                "--format",
                                "csv",
                                "--since",
                                "2000-01-01",
                                "--url",
                                engine.url())
                        .out())
                .contains("Springfield Physical Therapy");
    }
}
