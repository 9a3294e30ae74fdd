package com.webptbridge.inbound;

import com.webptbridge.store.lifecycle.InterfaceState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a message's effects go, by the interface's state, MSH-11 and the journal's mark. */
class LifecycleTest {

    @Test
    void everyMessageOfAnInterfaceInTestingGoesToTheSandbox() {
        assertThat(Lifecycle.sandbox(InterfaceState.TESTING, "P", false)).isTrue();
        assertThat(Lifecycle.sandbox(InterfaceState.TESTING, "T", false)).isTrue();
    }

    @Test
    void liveProductionMessagesArePostedLiveAndTestOrDebugOnesGoToTheSandbox() {
        assertThat(Lifecycle.sandbox(InterfaceState.LIVE, "P", false)).isFalse();
        assertThat(Lifecycle.sandbox(InterfaceState.LIVE, "T", false)).isTrue();
        assertThat(Lifecycle.sandbox(InterfaceState.LIVE, "D", false)).isTrue();
        assertThat(Lifecycle.sandbox(InterfaceState.LIVE, null, false)).isFalse();
    }

    @Test
    void aMessageJournaledAsTestTrafficStaysInTheSandboxWhenReprocessedAfterGoLive() {
        assertThat(Lifecycle.sandbox(InterfaceState.LIVE, "P", true)).isTrue();
    }

    @Test
    void onlyTestingAndLiveTakeTraffic() {
        assertThat(InterfaceState.SETUP.takesTraffic()).isFalse();
        assertThat(InterfaceState.DISABLED.takesTraffic()).isFalse();
        assertThat(InterfaceState.TESTING.takesTraffic()).isTrue();
        assertThat(InterfaceState.LIVE.takesTraffic()).isTrue();
    }

    @Test
    void aStateIsNamedByItsWordInAnyCaseAndAnUnknownWordListsTheStates() {
        assertThat(InterfaceState.of(" Testing ", "state")).isEqualTo(InterfaceState.TESTING);
        assertThatThrownBy(() -> InterfaceState.of("production", "state"))
                .hasMessage("state must be one of setup, testing, live, disabled, was 'production'");
    }
}
