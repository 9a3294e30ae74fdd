package com.webptbridge.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.EngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** /health/ready and /health/live as a load balancer sees them: no login, UP or DOWN and the part. */
class HealthProbesIT {

    @RegisterExtension
    final EngineExtension engine = EngineExtension.start();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readyNamesTheFailingPartAndLiveStaysUpUntilTheDatabasePoolIsClosed() throws Exception {
        HttpResponse<String> ready = engine.get("/health/ready", null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()))
                .isEqualTo(JSON.readTree("{\"status\":\"UP\",\"checks\":{\"mllp\":\"UP\",\"database\":\"UP\","
                        + "\"migrations\":\"UP\",\"shutdown\":\"UP\"}}"));

        String listener = InterfaceRuntime.listenerRoute(engine.mllpPort());
        engine.engine().camel().getRouteController().stopRoute(listener);
        HttpResponse<String> notListening = engine.get("/health/ready", null);
        assertThat(notListening.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(notListening.body());
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("checks").get("mllp").asText()).isEqualTo("DOWN");
        assertThat(body.get("checks").get("database").asText()).isEqualTo("UP");
        assertThat(engine.get("/health/live", null).statusCode())
                .as("not accepting is not a reason to restart")
                .isEqualTo(200);

        engine.engine().camel().getRouteController().startRoute(listener);
        assertThat(engine.get("/health/ready", null).statusCode()).isEqualTo(200);

        engine.engine().database().close(); // the pool closed under the engine: only a restart helps
        assertThat(engine.get("/health/live", null).statusCode()).isEqualTo(503);
        HttpResponse<String> noDatabase = engine.get("/health/ready", null);
        assertThat(noDatabase.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(noDatabase.body())
                        .get("checks")
                        .get("database")
                        .asText())
                .isEqualTo("DOWN");
    }
}
