package com.webptbridge.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.Hl7Text;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim readiness end to end: a DFT over a real MLLP socket that breaks a rule is posted and
 * answered AA with a W ERR at the field and the sentence; the finding is stored, listed and
 * resolved through the API, counted in the metrics; a DFT that keeps the rules gets a bare AA.
 */
class ClaimReadinessIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static final String REFERRING = "1987654328^Patel^Anita^^^^^^^^^^NPI";
    private static final String PERFORMER = "12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^^^^^NPI";

    /**
     * A DFT: {@code payer} on IN1-3, {@code referring} on PV1-8 (or empty), {@code dx} as DG1-3 and
     * every charge's FT1-19, each charge "code|units|modifiers".
     */
    private static String dft(
            String control,
            String processing,
            String patient,
            String payer,
            String referring,
            String dx,
            String serviceDate,
            String... charges) {
        StringBuilder m = new StringBuilder("MSH|^~\\&|WEBPT|CLINIC01|CMD|BILLING|20261121090000||DFT^P03^DFT_P03|"
                + control + "|" + processing + "|2.5.1\r");
        m.append("EVN|P03|20261121090000\r");
        m.append("PID|1||").append(patient).append("^^^WEBPT^MR||Ruiz^Ana||19500101|F\r");
        m.append("PV1|1|O|^^^7|||||")
                .append(referring)
                .append("|||||||||||V-")
                .append(control)
                .append('\r');
        if (!dx.isEmpty()) {
            m.append("DG1|1||").append(dx).append("^Dx^I10\r");
        }
        for (int i = 0; i < charges.length; i++) {
            String[] c = charges[i].split("\\|", -1);
            m.append("FT1|")
                    .append(i + 1)
                    .append('|')
                    .append(control)
                    .append('-')
                    .append(i + 1)
                    .append("||")
                    .append(serviceDate)
                    .append("||CG|")
                    .append(c[0])
                    .append("|||")
                    .append(c[1])
                    .append("|45.00|||||^^^7|||")
                    .append(dx)
                    .append('|')
                    .append(PERFORMER)
                    .append("|||||")
                    .append(c[0])
                    .append('|')
                    .append(c[2])
                    .append('\r');
        }
        m.append("IN1|1|PLAN|")
                .append(payer)
                .append("|Payer||||G1||||||||Ruiz^Ana|SEL|19500101")
                .append("|".repeat(18))
                .append("M-")
                .append(patient)
                .append('\r');
        return m.toString();
    }

    private static String send(String message) throws Exception {
        try (var client = engine.connect()) {
            return new String(client.exchange(message.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
    }

    private static List<String> errLines(String ack) {
        List<String> out = new ArrayList<>();
        for (String s : ack.split("\r")) {
            if (s.startsWith("ERR|")) {
                out.add(s);
            }
        }
        return out;
    }

    private static JsonNode findings(String query) throws Exception {
        HttpResponse<String> r = engine.get("/api/findings" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static int charges(String patient) throws Exception {
        JsonNode p = JSON.readTree(engine.get("/api/patients/" + patient).body());
        int n = 0;
        for (JsonNode e : p.path("encounters")) {
            n += e.path("charges").size();
        }
        return n;
    }

    @Test
    void aMedicareLineWithoutGpPostsWithAWarningThatIsStoredListedAndResolved() throws Exception {
        String ack = send(dft("CR-1", "P", "CR100", "1043", REFERRING, "M54.50", "20261121", "97110|1|GP", "97110|2|"));

        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AA");
        assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("101@FT1[2]-26");
        assertThat(errLines(ack)).singleElement().satisfies(err -> assertThat(err)
                .isEqualTo("ERR||FT1^2^26|101^Required field missing^HL70357|W||||Charge 2 (97110) has no therapy"
                        + " modifier: Medicare needs GP on every physical therapy line. Add GP to the charge in WebPT"
                        + " and re-bill the visit."));
        assertThat(charges("CR100")).as("the encounter is posted").isEqualTo(2);

        JsonNode list = findings("?test=false&rule=therapy-modifier&status=open");
        assertThat(list).hasSize(1);
        JsonNode f = list.get(0);
        assertThat(f.get("location").asText()).isEqualTo("FT1[2]-26");
        assertThat(f.get("charge").asInt()).isEqualTo(2);
        assertThat(f.get("procedureCode").asText()).isEqualTo("97110");
        assertThat(f.get("payerClass").asText()).isEqualTo("medicare");
        assertThat(f.get("payerSequence").asLong()).isEqualTo(1043);
        assertThat(f.get("providerSequence").asLong()).isEqualTo(12);
        assertThat(f.get("facilitySequence").asLong()).isEqualTo(7);
        assertThat(f.get("test").asBoolean()).isFalse();
        assertThat(f.get("text").asText()).startsWith("Charge 2 (97110) has no therapy modifier");
        assertThat(findings("?test=false&rule=therapy-modifier&payer=1050")).isEmpty();
        assertThat(findings("?test=false&rule=therapy-modifier&from=2026-11-22"))
                .isEmpty();
        assertThat(findings("?test=false&rule=therapy-modifier&provider=12&facility=7&to=2026-11-21"))
                .hasSize(1);
        assertThat(engine.get("/api/findings?rule=therapy-modifer").body()).contains("therapy-modifier, eight-minute");
        assertThat(
                        engine.get()
                                .metric(
                                        "bridge_claim_findings_total\\{action=\"warn\",interface=\"default\",rule=\"therapy-modifier\",?\\}"))
                .isGreaterThanOrEqualTo(1);

        long id = f.get("id").asLong();
        HttpResponse<String> noReason =
                engine.send("POST", "/api/findings/" + id + "/resolve", "{}", TestEngine.ADMIN_AUTH);
        assertThat(noReason.statusCode()).isEqualTo(400);
        HttpResponse<String> resolved = engine.send(
                "POST",
                "/api/findings/" + id + "/resolve",
                "{\"reason\": \"Re-billed with GP\"}",
                TestEngine.ADMIN_AUTH);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(resolved.body());
        assertThat(after.get("status").asText()).isEqualTo("resolved");
        assertThat(after.get("reason").asText()).isEqualTo("Re-billed with GP");
        assertThat(after.get("resolvedBy").asText()).isNotBlank();
        assertThat(engine.send("POST", "/api/findings/" + id + "/dismiss", "{\"reason\": \"x\"}", TestEngine.ADMIN_AUTH)
                        .statusCode())
                .as("decided once")
                .isEqualTo(409);
        assertThat(findings("?test=false&rule=therapy-modifier&status=open")).isEmpty();
    }

    @Test
    void aDftThatKeepsTheRulesGetsABareAaAndNoFinding() throws Exception {
        String ack = send(
                dft("CR-2", "P", "CR200", "1043", REFERRING, "S83.511A", "20261121", "97110|2|GP", "97140|1|GP~59"));
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AA");
        assertThat(errLines(ack)).isEmpty();
        JsonNode entry =
                JSON.readTree(engine.get("/api/messages?controlId=CR-2").body()).get(0);
        assertThat(findings("?journalId=" + entry.get("id").asLong())).isEmpty();
    }

    @Test
    void eachSimpleRuleWarnsAtItsFieldAndStillPosts() throws Exception {
        // Medicare without a referring provider; an injury code without its 7th character.
        String ack = send(dft("CR-3", "P", "CR300", "1043", "", "S83.511", "20261121", "97110|1|GP"));
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AA");
        assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("102@DG1-3", "101@PV1-8");
        assertThat(ack)
                .contains("Diagnosis S83.511 is an injury code without its 7th character")
                .contains("The visit has no referring provider, which Medicare needs for therapy claims");
        assertThat(charges("CR300")).isEqualTo(1);

        // Commercial: a malformed diagnosis, a timed code with 0 units, a date of service 6 months old.
        ack = send(dft("CR-4", "P", "CR400", "1042", REFERRING, "54.50", "20260520", "97110|1|", "97140|0|"));
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AA");
        assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("103@FT1[2]-10", "102@DG1-3", "103@FT1-4");
        assertThat(ack)
                .contains("Charge 2 (97140) is a timed code billed with 0 units")
                .contains("Diagnosis 54.50 is not a well-formed ICD-10-CM code")
                .contains("The date of service 2026-05-20 is 185 days before this message, past the payer's filing"
                        + " limit of 90 days");
        assertThat(charges("CR400")).isEqualTo(2);

        // More than 8 timed units in one visit.
        ack = send(dft("CR-5", "P", "CR500", "1042", REFERRING, "M54.50", "20261121", "97110|5|", "97530|4|"));
        assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("103@FT1-10");
        assertThat(ack).contains("The visit bills 9 units of timed 15-minute codes, more than 8");
    }

    @Test
    void testTrafficGetsFindingsMarkedTestAndTheDryRunShowsThem() throws Exception {
        String ack = send(dft("CR-6", "T", "CR600", "1043", REFERRING, "M54.50", "20261121", "97110|1|"));
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AA");
        assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("101@FT1-26");
        JsonNode test = findings("?test=true");
        assertThat(test).isNotEmpty();
        assertThat(test.get(0).get("test").asBoolean()).isTrue();
        assertThat(test.get(0).get("visitNumber").asText()).isEqualTo("V-CR-6");

        HttpResponse<String> dry = engine.send(
                "POST",
                "/api/dry-run",
                dft("CR-7", "P", "CR700", "1043", REFERRING, "M54.50", "20261121", "97110|1|GO"),
                "x-application/hl7-v2+er7",
                TestEngine.ADMIN_AUTH);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(dry.body());
        assertThat(result.get("ackCode").asText()).isEqualTo("AA");
        assertThat(result.get("errors").get(0).get("location").asText()).isEqualTo("FT1-26");
        assertThat(result.get("errors").get(0).get("text").asText())
                .startsWith("Charge 1 (97110) has modifier GO, which is for occupational therapy");
        assertThat(result.get("ack").asText()).contains("|W|");
        assertThat(engine.get("/api/patients/CR700").statusCode())
                .as("a dry run stores nothing")
                .isEqualTo(404);
    }

    @Test
    void bridgeFindingsListsThemAndDismissesOneWithAReason() throws Exception {
        send(dft("CR-8", "P", "CR800", "1043", REFERRING, "M54.50", "20261121", "97530|1|GN"));
        Cli.Result list = Cli.run("findings", "--rule", "therapy-modifier", "--url", engine.url());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("therapy-modifier at FT1-26, visit V-CR-8")
                .contains("Charge 1 (97530) has modifier GN, which is for speech-language pathology");
        long id = findings("?journalId="
                        + JSON.readTree(engine.get("/api/messages?controlId=CR-8")
                                        .body())
                                .get(0)
                                .get("id")
                                .asLong())
                .get(0)
                .get("id")
                .asLong();

        Cli.Result dismissed = Cli.run(
                "findings",
                "dismiss",
                String.valueOf(id),
                "--reason",
                "Speech line billed by mistake",
                "--url",
                engine.url());
        assertThat(dismissed.exitCode()).as(dismissed.err()).isZero();
        assertThat(dismissed.out()).contains("Finding " + id + " dismissed.");
        assertThat(Cli.run("findings", "--status", "dismissed", "--url", engine.url())
                        .out())
                .contains("(dismissed)")
                .contains(": Speech line billed by mistake");
        Cli.Result again = Cli.run("findings", "resolve", String.valueOf(id), "--reason", "x", "--url", engine.url());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err() + again.out()).contains("is already dismissed by");
    }

    @Test
    void aPayersClassIsEditedLikeItsOtherFieldsAndDecidesWhichRulesApply() throws Exception {
        HttpResponse<String> bad =
                engine.send("PUT", "/api/payers/1050", "{\"payerClass\": \"medicar\"}", TestEngine.ADMIN_AUTH);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a payer class: use one of medicare, medicare-advantage");
        HttpResponse<String> ok = engine.send(
                "PUT", "/api/payers/1050", "{\"payerClass\": \"Medicare Advantage\"}", TestEngine.ADMIN_AUTH);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(JSON.readTree(engine.get("/api/payers/1050").body())
                        .get("payerClass")
                        .asText())
                .isEqualTo("medicare-advantage");

        String ack = send(dft("CR-9", "P", "CR900", "1050", REFERRING, "M54.50", "20261121", "97110|1|"));
        assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("101@FT1-26");
        assertThat(ack).contains("the Medicare Advantage plan needs GP");
    }

    @Test
    void aMedicareVisitWithNoDiagnosisPointedAtAndAnUnknownPlaceOfServiceWarns() throws Exception {
        HttpResponse<String> pos =
                engine.send("PUT", "/api/facilities/8", "{\"placeOfService\": \"21\"}", TestEngine.ADMIN_AUTH);
        assertThat(pos.statusCode()).as(pos.body()).isEqualTo(200);
        String ack = send(dft("CR-10", "P", "CR1000", "1043", REFERRING, "", "20261121", "97110|1|GP")
                .replace("^^^7", "^^^8"));
        assertThat(Hl7Text.get(Hl7Text.parseAck(ack), "/MSA-1")).isEqualTo("AA");
        assertThat(Hl7Text.errors(Hl7Text.parseAck(ack))).containsExactly("101@FT1-19", "103@PV1-3");
        assertThat(ack)
                .contains("No charge of this visit points to a diagnosis")
                .contains(
                        "Place of service '21' of facility 8 is not one this interface bills (11, 12, 19, 22, 02, 10)");
        assertThat(charges("CR1000")).isEqualTo(1);
    }

    @Test
    void withTreatmentMinutesInTheProfileTheEightMinuteRuleChecksTheUnits() throws Exception {
        String profile = java.nio.file.Files.readString(java.nio.file.Path.of("conf/profiles/webpt.yaml"))
                .replaceFirst("(?m)^  # treatmentMinutes: .*$", "  treatmentMinutes: FT1-8");
        assertThat(profile).contains("  treatmentMinutes: FT1-8");
        // 37 minutes bill 2 units under the 8-minute rule; 3 are billed (FT1-8 of the first FT1 holds the minutes).
        String breaks = dft("CR-11", "P", "CR1100", "1043", REFERRING, "M54.50", "20261121", "97110|2|GP", "97140|1|GP")
                .replaceFirst("\\|CG\\|97110\\|\\|", "|CG|97110|37|");
        JsonNode result = dryRun(breaks, profile);
        assertThat(result.get("ackCode").asText()).isEqualTo("AA");
        assertThat(result.get("errors")).hasSize(1);
        assertThat(result.get("errors").get(0).get("location").asText()).isEqualTo("FT1-10");
        assertThat(result.get("errors").get(0).get("text").asText())
                .isEqualTo("The visit bills 3 unit(s) of timed codes for 37 treatment minutes: under the 8-minute"
                        + " rule Medicare pays 2 unit(s). Correct the units or the minutes in WebPT and re-bill the"
                        + " visit.");
        String keeps = breaks.replace("|CG|97110|37|", "|CG|97110|38|");
        assertThat(dryRun(keeps, profile).get("errors")).isEmpty();
    }

    private static JsonNode dryRun(String message, String profile) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("message", message, "profile", profile));
        HttpResponse<String> r = engine.send("POST", "/api/dry-run", body, TestEngine.ADMIN_AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
