package com.webptbridge.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webptbridge.support.Cli;
import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One version everywhere: {@code bridge --version}, {@code /health} and {@code bridge_build_info}
 * name the pom's version and the git commit this build came from (Failsafe passes the pom's version;
 * the commit is asked of git here, when this is a git checkout).
 */
class BuildVersionIT {

    @Test
    void versionHealthAndMetricNameTheSameVersionAndCommit() throws Exception {
        String version = System.getProperty("bridge.test.version");
        assertThat(version).as("the pom's version, from Failsafe").isNotBlank().doesNotContain("${");
        String commit = gitCommit();

        Cli.Result cli = Cli.runAsGiven("--version");
        assertThat(cli.out().trim()).isEqualTo("WebPT Bridge " + version + " (commit " + commit + ")");
        try (TestEngine engine = TestEngine.start()) {
            JsonNode health = new ObjectMapper().readTree(engine.get("/health").body());
            assertThat(health.path("version").asText()).isEqualTo(version);
            assertThat(health.path("commit").asText()).isEqualTo(commit);
            assertThat(engine.get("/metrics").body())
                    .contains("bridge_build_info{commit=\"" + commit + "\",version=\"" + version + "\"} 1");
        }
    }

    /** HEAD's abbreviated commit as the build wrote it (10 characters), or "unknown" without git. */
    private static String gitCommit() throws Exception {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=10", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
