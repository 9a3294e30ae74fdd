package com.webptbridge.interfaces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promotion between two engines, each on its own database: an interface set up on the first
 * (its own mapping profile, reference data imported and added) is exported to a folder and
 * imported on the second, which then exports the same definition, profile and reference data. A
 * second import of the same id is refused.
 */
class PromotionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anInterfaceExportedFromOneEngineIsCreatedTheSameOnAnother(@TempDir Path tmp) throws Exception {
        Path profile = tmp.resolve("clinic-a-profile.yaml");
        Files.writeString(
                profile,
                Files.readString(Path.of("conf/profiles/webpt.yaml"))
                        .replace("name: webpt-default", "name: clinic-a-custom"));
        int port = TestEngine.freePort();
        try (TestEngine test = TestEngine.start();
                // Production as shipped: a new interface starts in setup.
                TestEngine production = TestEngine.start(Map.of("bridge.interfaces.initial-state", "setup"))) {
            // Set up and tested on the first engine.
            assertThat(test.send(
                                    "POST",
                                    "/api/interfaces",
                                    JSON.writeValueAsString(Map.of(
                                            "id", "clinic-a",
                                            "name", "Clinic A Physical Therapy",
                                            "port", port,
                                            "host", "127.0.0.1",
                                            "sendingFacility", "CLINICA",
                                            "profile", profile.toString())),
                                    TestEngine.ADMIN_AUTH)
                            .statusCode())
                    .isEqualTo(201);
            assertThat(csv(test, "/api/interfaces/clinic-a/imports/payers", "cmd-payers.csv"))
                    .isEqualTo(200);
            assertThat(csv(test, "/api/interfaces/clinic-a/imports/providers", "cmd-providers.csv"))
                    .isEqualTo(200);
            assertThat(test.send(
                                    "POST",
                                    "/api/interfaces/clinic-a/procedure-codes",
                                    "{\"code\":\"97110\",\"description\":\"Therapeutic exercise\","
                                            + "\"defaultCharge\":\"45.50\",\"defaultRevenueCode\":\"0420\"}",
                                    TestEngine.ADMIN_AUTH)
                            .statusCode())
                    .isEqualTo(201);

            Path out = tmp.resolve("clinic-a");
            Cli.Result exported =
                    Cli.run("interface", "export", "clinic-a", "--out", out.toString(), "--url", test.url());
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            assertThat(out.resolve("clinic-a.yaml")).exists();
            assertThat(Files.readString(out.resolve("clinic-a.yaml"))).doesNotContain(profile.toString());
            assertThat(Files.readString(out.resolve("reference/payers.csv")))
                    .startsWith("sequenceNumber,name,payerId,addressLine1,city,state,zip,planType")
                    .contains("1100,UnitedHealthcare,87726");

            // The listener moves with the interface: the first engine lets go of the port.
            assertThat(Cli.run("interface", "disable", "clinic-a", "--url", test.url())
                            .exitCode())
                    .isZero();

            // Disabled, it still exists there: an import never overwrites it.
            Cli.Result back = Cli.run("interface", "import", out.toString(), "--url", test.url());
            assertThat(back.exitCode()).isEqualTo(2);
            assertThat(back.err()).contains("An interface clinic-a already exists on this engine");

            Cli.Result preview = Cli.run("interface", "import", out.toString(), "--dry-run", "--url", production.url());
            assertThat(preview.exitCode()).as(preview.err()).isZero();
            assertThat(preview.out())
                    .contains("Interface clinic-a (Clinic A Physical Therapy) on port " + port)
                    .contains("payers: 5 to add, 0 refused")
                    .contains("providers: 3 to add, 0 refused")
                    .contains("procedure-codes: 1 to add, 0 refused")
                    .contains("Dry run: nothing was created.");
            assertThat(production.get("/api/interfaces/clinic-a").statusCode()).isEqualTo(404);

            Cli.Result imported = Cli.run("interface", "import", out.toString(), "--url", production.url());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("Created interface clinic-a.");
            assertThat(JSON.readTree(production
                                    .get("/api/interfaces/clinic-a/lifecycle")
                                    .body())
                            .get("state")
                            .asText())
                    .as("a promoted interface lands in setup, to be tested on its new engine")
                    .isEqualTo("setup");

            Path again = tmp.resolve("again");
            Cli.Result reexported =
                    Cli.run("interface", "export", "clinic-a", "--out", again.toString(), "--url", production.url());
            assertThat(reexported.exitCode()).as(reexported.err()).isZero();
            for (String file : new String[] {
                "clinic-a.yaml",
                "mapping-profile.yaml",
                "reference/payers.csv",
                "reference/facilities.csv",
                "reference/providers.csv",
                "reference/referring-providers.csv",
                "reference/procedure-codes.csv"
            }) {
                assertThat(Files.readString(again.resolve(file)))
                        .as(file)
                        .isEqualTo(Files.readString(out.resolve(file)));
            }
            assertThat(Files.readString(again.resolve("mapping-profile.yaml"))).contains("name: clinic-a-custom");

            Cli.Result twice = Cli.run("interface", "import", out.toString(), "--url", production.url());
            assertThat(twice.exitCode()).isEqualTo(2);
            assertThat(twice.err()).contains("An interface clinic-a already exists on this engine");
        }
    }

    private static int csv(TestEngine engine, String path, String fixture) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(engine.url() + path))
                                .header("Content-Type", "text/csv")
                                .header("Authorization", TestEngine.ADMIN_AUTH)
                                .POST(HttpRequest.BodyPublishers.ofFile(Path.of(PromotionIT.class
                                        .getResource("/imports/" + fixture)
                                        .toURI())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
