package com.webptbridge.engine;

import com.webptbridge.interfaces.InterfaceDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MllpOptionsTest {

    private static InterfaceDefinition on(String id, String host, int port) {
        return new InterfaceDefinition(
                id, id, new InterfaceDefinition.Listener(host, port), null, null, null, null, null);
    }

    private static Settings with(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return Settings.load(Map.of(), p);
    }

    @Test
    void plainMllpOnEveryAddressIsSaidOncePerPort() {
        List<InterfaceDefinition> interfaces =
                List.of(on("a", null, 2575), on("b", "0.0.0.0", 2575), on("c", "::", 2576), on("d", "127.0.0.1", 2577));

        List<String> warnings = MllpOptions.plainOnEveryAddress(with(), interfaces);

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0))
                .startsWith("MLLP port 2575 takes plain MLLP")
                .contains("bridge.mllp.host");
        assertThat(warnings.get(1)).startsWith("MLLP port 2576 ");
    }

    @Test
    void withTlsOrOneAddressNothingIsSaid() {
        assertThat(MllpOptions.plainOnEveryAddress(with("bridge.mllp.tls", "true"), List.of(on("a", null, 2575))))
                .isEmpty();
        assertThat(MllpOptions.plainOnEveryAddress(with(), List.of(on("a", "10.0.0.5", 2575))))
                .isEmpty();
    }
}
