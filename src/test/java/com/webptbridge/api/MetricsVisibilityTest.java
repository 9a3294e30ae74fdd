package com.webptbridge.api;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What /metrics shows an account limited to some interfaces: their series and the engine's, never another's. */
class MetricsVisibilityTest {

    private static final String SCRAPE =
            """
            # HELP bridge_messages_total Messages
            # TYPE bridge_messages_total counter
            bridge_messages_total{ack="AA",interface="clinic-a",status="PROCESSED",type="ADT"} 3.0
            bridge_messages_total{ack="AA",interface="clinic-b",status="PROCESSED",type="ADT"} 5.0
            bridge_waiting_messages{interface="clinic-a"} 0.0
            bridge_waiting_messages{interface="clinic-ab"} 1.0
            bridge_oldest_waiting_seconds{interface="we\\"ird"} 2.0
            bridge_store_up 1.0
            jvm_threads_live_threads 30.0
            """;

    @Test
    void aLimitedAccountKeepsItsInterfacesAndTheEngineWideSeries() {
        String seen = MetricsResource.visible(SCRAPE, Set.of("clinic-a")::contains);
        assertThat(seen)
                .contains("interface=\"clinic-a\",status")
                .contains("bridge_waiting_messages{interface=\"clinic-a\"} 0.0")
                .doesNotContain("clinic-b")
                .doesNotContain("clinic-ab")
                .doesNotContain("we\\\"ird")
                .contains("# TYPE bridge_messages_total counter")
                .contains("bridge_store_up 1.0")
                .contains("jvm_threads_live_threads 30.0")
                .endsWith("\n");
    }

    @Test
    void anEscapedLabelIsReadAsTheIdItStandsFor() {
        assertThat(MetricsResource.visible(SCRAPE, "we\"ird"::equals)).contains("bridge_oldest_waiting_seconds");
    }

    @Test
    void everyInterfaceSeesTheWholeScrape() {
        assertThat(MetricsResource.visible(SCRAPE, id -> true)).isEqualTo(SCRAPE);
    }
}
