package com.webptbridge.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.store.Sql;
import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.SeededDft;
import com.webptbridge.support.TestEngine;
import com.webptbridge.transport.MllpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing a billing system's export end to end, by the real command line and API on a running
 * engine seeded from conf/reference: a CMD-style payer export with foreign headers previews its adds,
 * changes, unchanged rows and refusals; applied, it releases the DFT that waited for a payer it adds,
 * and applied again it changes nothing.
 */
class ImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One engine per test: each starts from the seed alone. */
    @RegisterExtension
    final EngineExtension engine = EngineExtension.start();

    @Test
    void anExportSentAsJsonIsToldToSendItsCsv() throws Exception {
        HttpResponse<String> r =
                engine.send("POST", "/api/interfaces/default/imports/payers?dry-run=true", "{}", TestEngine.ADMIN_AUTH);

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(r.body()).get("error").asText())
                .isEqualTo("Send this with Content-Type: text/csv (was 'application/json').");
    }

    @Test
    void aDryRunOfAForeignExportPreviewsEveryOutcomeAndStoresNothing() throws Exception {
        Cli.Result preview = Cli.run(
                "import",
                "payers",
                fixture("cmd-payers.csv"),
                "--interface",
                "default",
                "--dry-run",
                "--url",
                engine.url());

        assertThat(preview.exitCode()).as(preview.err()).isZero();
        assertThat(preview.out())
                .contains("add      row 4  1099  Humana")
                .contains("change   row 2  1043  Medicare Part B Illinois: zip 46206 -> 46207")
                .contains("refused  row 3  SEQUENCE_NUMBER_TAKEN: Sequence Number 1050 is already payer 1050 (Aetna)")
                .contains("refused  row 5  DUPLICATE_ROW: This row repeats row 4")
                .contains("2 to add, 1 to change, 1 unchanged, 2 refused.")
                .contains("ignored [\"Phone\"]")
                .contains("Dry run: nothing was stored.");
        assertThat(engine.get("/api/payers/1099").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(engine.get("/api/payers/1043").body())
                        .get("zip")
                        .asText())
                .isEqualTo("46206");

        JsonNode providers = post("/api/interfaces/default/imports/providers?dry-run=true", "cmd-providers.csv");
        assertThat(providers.get("applied").asBoolean()).isFalse();
        assertThat(providers.at("/preview/refused").findValuesAsText("reason")).containsExactly("BAD_NPI", "NPI_TAKEN");
        assertThat(providers.at("/preview/refused/1/sentence").asText())
                .contains("1679576722 already belongs to provider 14 (Chen, David)");
        assertThat(providers.at("/preview/change/0/fields/0").toString())
                .isEqualTo("{\"field\":\"taxonomy\",\"from\":\"225100000X\",\"to\":\"2251X0800X\"}");
    }

    @Test
    void applyingReleasesTheWaitingDftAndASecondRunChangesNothing() throws Exception {
        String ack = send(SeededDft.naming("IMP-PAY", "IMP1", "1100", "97110", "1987654328"));
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AE");
        assertThat(status("IMP1")).isEqualTo("ERROR");

        Cli.Result applied = Cli.run(
                "import",
                "payers",
                fixture("cmd-payers.csv"),
                "--interface",
                "default",
                "--operator",
                "jdoe",
                "--url",
                engine.url());

        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out())
                .contains("2 to add, 1 to change, 1 unchanged, 2 refused.")
                .contains("Applied in one transaction; 1 waiting message(s) reprocessed.");
        assertThat(status("IMP1")).isEqualTo("PROCESSED");
        assertThat(JSON.readTree(engine.get("/api/payers/1100").body())
                        .get("name")
                        .asText())
                .isEqualTo("UnitedHealthcare");
        assertThat(JSON.readTree(engine.get("/api/payers/1043").body())
                        .get("zip")
                        .asText())
                .isEqualTo("46207");
        JsonNode audit =
                JSON.readTree(engine.get("/api/payers/1100/audit").body()).get(0);
        assertThat(audit.get("operator").asText()).isEqualTo("jdoe");
        assertThat(audit.get("detail").asText()).startsWith("import of cmd-payers.csv:");

        Cli.Result again = Cli.run(
                "import",
                "payers",
                fixture("cmd-payers.csv"),
                "--interface",
                "default",
                "--operator",
                "jdoe",
                "--url",
                engine.url());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out())
                .contains("0 to add, 0 to change, 4 unchanged, 2 refused.")
                .contains("0 waiting message(s) reprocessed.");
        assertThat(JSON.readTree(engine.get("/api/payers/1043/audit").body()).findValuesAsText("action"))
                .containsExactly("CREATE", "UPDATE"); // the seed's, then the first run's only
        assertThat(importAudit())
                .containsExactly(
                        "jdoe file cmd-payers.csv: 2 added, 1 changed, 1 unchanged, 2 refused",
                        "jdoe file cmd-payers.csv: 0 added, 0 changed, 4 unchanged, 2 refused");
    }

    private List<String> importAudit() throws Exception {
        try (Connection c = engine.engine().database().connection()) {
            return Sql.list(
                    c,
                    "SELECT operator, detail FROM reference_audit WHERE action = 'IMPORT' ORDER BY id",
                    rs -> rs.getString(1) + " " + rs.getString(2));
        }
    }

    private JsonNode post(String path, String fixture) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(engine.url() + path))
                                .header("Content-Type", "text/csv")
                                .header("Authorization", TestEngine.ADMIN_AUTH)
                                .POST(HttpRequest.BodyPublishers.ofFile(Path.of(fixture(fixture))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String send(String message) throws Exception {
        try (MllpClient client = engine.connect()) {
            return new String(client.exchange(Hl7Text.bytes(message)), StandardCharsets.UTF_8);
        }
    }

    private String status(String patientId) throws Exception {
        return JSON.readTree(engine.get("/api/messages?patientId=" + patientId + "&limit=1")
                        .body())
                .get(0)
                .get("status")
                .asText();
    }

    static String fixture(String name) throws URISyntaxException {
        return Path.of(ImportIT.class.getResource("/imports/" + name).toURI()).toString();
    }
}
