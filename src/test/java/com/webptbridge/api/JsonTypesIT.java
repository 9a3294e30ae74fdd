package com.webptbridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.EngineExtension;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body field is read as the JSON type it takes (issue #22): true/false only as a JSON
 * boolean, text only as a JSON string (a number where the field is a number), and anything else is
 * a 400 naming the field and the type expected, with nothing changed.
 */
class JsonTypesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EngineExtension engine = EngineExtension.start();

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return engine.send(method, path, body, TestEngine.ADMIN_AUTH);
    }

    private static void refused(HttpResponse<String> r, String field, String expected) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(field + " must be " + expected);
    }

    @Test
    void aTrueOrFalseThatIsNotOneDoesNotDeactivateAPayer() throws Exception {
        HttpResponse<String> made = send("POST", "/api/payers", "{\"name\":\"Strict Payer\",\"payerId\":\"ST1\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String seq = JSON.readTree(made.body()).get("sequenceNumber").asText();

        for (String maybe : new String[] {"\"maybe\"", "\"false\"", "0", "{}", "[false]"}) {
            refused(send("PUT", "/api/payers/" + seq, "{\"active\":" + maybe + "}"), "active", "true or false");
        }
        assertThat(JSON.readTree(engine.get("/api/payers/" + seq).body())
                        .get("active")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> off = send("PUT", "/api/payers/" + seq, "{\"active\":false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(JSON.readTree(off.body()).get("active").asBoolean()).isFalse();
    }

    @Test
    void objectsListsAndNumbersAreNotStoredAsText() throws Exception {
        refused(send("POST", "/api/payers", "{\"name\":{\"first\":\"X\"},\"payerId\":\"ST2\"}"), "name", "text");
        refused(send("POST", "/api/payers", "{\"name\":[\"X\"],\"payerId\":\"ST2\"}"), "name", "text");
        refused(send("POST", "/api/payers", "{\"name\":\"Typed\",\"payerId\":77}"), "payerId", "text");
        refused(
                send("POST", "/api/payers", "{\"name\":\"Typed\",\"payerId\":\"ST2\",\"address\":[1]}"),
                "address",
                "an object");
        refused(send("PUT", "/api/payers/1042", "{\"name\":{\"x\":1}}"), "name", "text");
        refused(
                send("POST", "/api/payers", "{\"name\":\"Typed\",\"payerId\":\"ST2\",\"sequenceNumber\":true}"),
                "sequenceNumber",
                "a whole number");
        JsonNode payers = JSON.readTree(engine.get("/api/payers?q=ST2").body());
        assertThat(payers).isEmpty();
        assertThat(engine.get("/api/payers/1042").body()).doesNotContain("\"x\"");
    }

    @Test
    void numbersAreTakenWhereTheFieldIsANumber() throws Exception {
        HttpResponse<String> made =
                send("POST", "/api/payers", "{\"name\":\"Numbered\",\"payerId\":\"ST3\",\"sequenceNumber\":4343}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        HttpResponse<String> code = send(
                "POST",
                "/api/procedure-codes",
                "{\"code\":\"97999\",\"description\":\"Typed\",\"defaultCharge\":45.5,\"defaultUnits\":2}");
        assertThat(code.statusCode()).as(code.body()).isEqualTo(201);
        assertThat(JSON.readTree(code.body()).get("defaultUnits").asInt()).isEqualTo(2);
    }

    @Test
    void aDryRunFlagThatIsNotTrueOrFalseIsRefusedNotRunForReal() throws Exception {
        refused(send("POST", "/api/prune", "{\"dryRun\":\"yes\"}"), "dryRun", "true or false");
        refused(send("POST", "/api/messages/reprocess", "{\"dryRun\":\"yes\"}"), "dryRun", "true or false");
        refused(send("POST", "/api/messages/reprocess", "{\"dryRun\":true,\"limit\":{}}"), "limit", "a whole number");
        refused(send("POST", "/api/messages/reprocess", "{\"dryRun\":true,\"waitingKey\":[1]}"), "waitingKey", "text");
    }

    @Test
    void accountsAndInterfacesTakeTextOnlyAsText() throws Exception {
        refused(
                send("POST", "/api/users", "{\"name\":\"typed\",\"role\":\"viewer\",\"password\":{\"a\":1}}"),
                "password",
                "text");
        refused(send("POST", "/api/users", "{\"name\":\"typed\",\"role\":[\"viewer\"]}"), "role", "text");
        refused(
                send("POST", "/api/users", "{\"name\":\"typed\",\"role\":\"viewer\",\"interfaces\":[1]}"),
                "interfaces",
                "a list of texts");
        assertThat(engine.get("/api/users").body()).doesNotContain("typed");
        refused(
                send(
                        "POST",
                        "/api/interfaces",
                        "{\"id\":[\"x\"],\"name\":\"X\",\"port\":" + TestEngine.freePort() + "}"),
                "id",
                "text");
        refused(
                send("POST", "/api/interfaces", "{\"id\":\"typed\",\"name\":\"X\",\"port\":true}"),
                "port",
                "a whole number");
        refused(
                send("POST", "/api/interfaces", "{\"id\":\"typed\",\"name\":\"X\",\"port\":25.5}"),
                "port",
                "a whole number");
    }
}
