package com.webptbridge.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie's attributes with and without TLS, and the idle time as the console's message says it. */
class ConsoleSessionsTest {

    private static ConsoleSessions sessions(boolean tls) {
        return new ConsoleSessions(null, null, Duration.ofMinutes(15), Duration.ofHours(12), tls);
    }

    @Test
    void overTlsTheCookieIsSecure() {
        assertThat(sessions(true).cookie("wbs_x"))
                .isEqualTo("bridge_session=wbs_x; Path=/; HttpOnly; SameSite=Strict; Secure");
        assertThat(sessions(true).forget()).contains("Max-Age=0").endsWith("; Secure");
        assertThat(sessions(false).cookie("wbs_x"))
                .isEqualTo("bridge_session=wbs_x; Path=/; HttpOnly; SameSite=Strict");
    }

    @Test
    void durationsReadAsTheConsoleSaysThem() {
        assertThat(ConsoleSessions.text(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(ConsoleSessions.text(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(ConsoleSessions.text(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(ConsoleSessions.text(Duration.ofHours(12))).isEqualTo("12 hours");
    }
}
