package com.webptbridge.engine;

import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine refuses at start, with a message that names what to fix. */
class EngineStartIT {

    @Test
    void aMisspelledProfileKeyStopsTheEngineNamingTheKey(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(Path.of("conf/profiles/webpt.yaml"));
        String misspelled = shipped.replace("  units: FT1-10", "  unts: FT1-10");
        assertThat(misspelled).isNotEqualTo(shipped);
        Path profile = dir.resolve("webpt.yaml");
        Files.writeString(profile, misspelled);

        assertThatThrownBy(() -> TestEngine.start(Map.of("bridge.profile", profile.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("charge.unts")
                .hasMessageContaining("units");
    }

    @Test
    void anMllpPortInUseStopsTheStartNamingTheSettingAndPort() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> TestEngine.start(Map.of("bridge.mllp.port", String.valueOf(port))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MLLP port " + port)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("bridge.mllp.port");
        }
    }

    @Test
    void anHttpPortInUseStopsTheStartNamingTheSettingAndPort() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> TestEngine.start(Map.of("bridge.http.port", String.valueOf(port))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bridge.http.port " + port + " is already in use");
        }
    }

    /** The header check accepts what MappingStep declares; the route must send each of those to its step. */
    @Test
    void theRoutesChoiceSendsEveryAcceptedEventToTheStepThatMapsIt() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            org.apache.camel.model.RouteDefinition route = engine.engine()
                    .camel()
                    .getCamelContextExtension()
                    .getContextPlugin(org.apache.camel.model.Model.class)
                    .getRouteDefinition(InterfaceRuntime.processRoute("default"));
            Map<String, String> branches = new java.util.HashMap<>();
            collectBranches(route.getOutputs(), branches);
            for (com.webptbridge.inbound.MappingStep step : com.webptbridge.inbound.MappingStep.values()) {
                // the route names its own bean "{{patientInfo}}", which Camel may resolve to a unique id
                assertThat(branches.get("${body.step} == '" + step.bean() + "'"))
                        .as("the bean the choice's branch for " + step + " calls, among " + branches)
                        .isNotNull()
                        .contains(step.bean());
            }
        }
    }

    /** By the expression of each branch of the route's choice, the bean it calls. */
    private static void collectBranches(
            java.util.List<org.apache.camel.model.ProcessorDefinition<?>> outputs, Map<String, String> branches) {
        for (org.apache.camel.model.ProcessorDefinition<?> p : outputs) {
            if (p instanceof org.apache.camel.model.ChoiceDefinition choice) {
                for (org.apache.camel.model.WhenDefinition when : choice.getWhenClauses()) {
                    for (org.apache.camel.model.ProcessorDefinition<?> step : when.getOutputs()) {
                        if (step instanceof org.apache.camel.model.BeanDefinition bean) {
                            branches.put(when.getExpression().getExpression(), bean.getRef());
                        }
                    }
                }
            } else {
                collectBranches(p.getOutputs(), branches);
            }
        }
    }
}
