package com.webptbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * conf/kubernetes/ parses and holds together: the probes on the engine's health paths at its HTTP
 * port, the admin password and the TLS keystore from Secrets, a non-root pod, the data volume, a
 * Service with the container's ports and a disruption budget that selects the Deployment's pods.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DIR = Path.of("conf/kubernetes");

    private static JsonNode read(String file) throws IOException {
        return YAML.readTree(DIR.resolve(file).toFile());
    }

    private static JsonNode container() throws IOException {
        JsonNode containers = read("deployment.yaml").at("/spec/template/spec/containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static Map<String, Integer> ports(JsonNode container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        container
                .get("ports")
                .forEach(p ->
                        ports.put(p.get("name").asText(), p.get("containerPort").asInt()));
        return ports;
    }

    @Test
    void theProbesAskTheEngineItsHealthOnItsHttpPort() throws IOException {
        JsonNode c = container();
        assertThat(ports(c)).containsEntry("http", 8080).containsEntry("mllp", 2575);
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            String port = c.at("/" + probe + "/httpGet/port").asText();
            assertThat(ports(c)).as(probe + " port").containsKey(port);
            assertThat(ports(c).get(port)).isEqualTo(8080);
        }
    }

    @Test
    void theAdminPasswordAndTheTlsMaterialComeFromSecrets() throws IOException {
        JsonNode c = container();
        Map<String, JsonNode> env = new LinkedHashMap<>();
        c.get("env").forEach(e -> env.put(e.get("name").asText(), e));
        assertThat(env.get("BRIDGE_ADMIN_PASSWORD")
                        .at("/valueFrom/secretKeyRef/name")
                        .asText())
                .isNotBlank();
        assertThat(env.get("BRIDGE_ADMIN_PASSWORD").has("value")).isFalse();
        assertThat(env.get("BRIDGE_TLS_KEYSTORE_PASSWORD")
                        .at("/valueFrom/secretKeyRef/name")
                        .asText())
                .isEqualTo("webpt-bridge-tls");

        JsonNode pod = read("deployment.yaml").at("/spec/template/spec");
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        pod.get("volumes").forEach(v -> volumes.put(v.get("name").asText(), v));
        Map<String, String> mounts = new LinkedHashMap<>();
        c.get("volumeMounts")
                .forEach(m ->
                        mounts.put(m.get("name").asText(), m.get("mountPath").asText()));
        assertThat(volumes.get("tls").at("/secret/secretName").asText()).isEqualTo("webpt-bridge-tls");
        String keystore = env.get("BRIDGE_TLS_KEYSTORE").get("value").asText();
        String keyFile = volumes.get("tls").at("/secret/items/0/path").asText();
        assertThat(keystore).isEqualTo(mounts.get("tls") + "/" + keyFile);
        assertThat(mounts).containsEntry("data", "/opt/webpt-bridge/data");
        assertThat(volumes).containsKey("data");
    }

    @Test
    void thePodRunsAsTheImagesNonRootUser() throws IOException {
        JsonNode security = read("deployment.yaml").at("/spec/template/spec/securityContext");
        assertThat(security.get("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.get("runAsUser").asInt()).isEqualTo(10001);
        assertThat(container().at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
                .isFalse();
    }

    @Test
    void theServiceAndTheBudgetSelectTheDeploymentsPods() throws IOException {
        JsonNode deployment = read("deployment.yaml");
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(read("pdb.yaml").at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(read("pdb.yaml").get("kind").asText()).isEqualTo("PodDisruptionBudget");
        assertThat(read("pdb.yaml").at("/spec/minAvailable").asInt())
                .isLessThan(deployment.at("/spec/replicas").asInt());

        JsonNode service = read("service.yaml");
        assertThat(service.at("/spec/selector")).isEqualTo(labels);
        Map<String, Integer> containerPorts = ports(container());
        List<String> targets = new ArrayList<>();
        service.at("/spec/ports").forEach(p -> {
            targets.add(p.get("targetPort").asText());
            assertThat(p.get("port").asInt())
                    .isEqualTo(containerPorts.get(p.get("targetPort").asText()));
        });
        assertThat(targets).containsExactlyInAnyOrderElementsOf(containerPorts.keySet());
    }
}
