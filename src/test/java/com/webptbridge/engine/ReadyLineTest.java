package com.webptbridge.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scripts and docs that wait for the engine's start line wait for the words it logs. */
class ReadyLineTest {

    @Test
    void everyScriptThatWaitsForTheStartLineWaitsForItsWords() throws IOException {
        List<Path> files =
                new ArrayList<>(List.of(Path.of(".ci/run"), Path.of("README.md"), Path.of("docs/upgrade.md")));
        try (Stream<Path> bench = Files.list(Path.of("bench"))) {
            bench.filter(f -> f.toString().endsWith(".sh")).forEach(files::add);
        }
        List<Path> waiting = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            if (text.contains("Bridge ready")) {
                waiting.add(f);
                assertThat(text).as(f + " waits for the start line").contains(BridgeEngine.READY);
            }
        }
        assertThat(waiting).as("the CI's jar replay waits for the start line").contains(Path.of(".ci/run"));
    }
}
