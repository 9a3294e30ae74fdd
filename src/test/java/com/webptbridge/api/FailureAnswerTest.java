package com.webptbridge.api;

import com.webptbridge.support.LogCapture;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FailureAnswerTest {

    @Test
    void sqlExceptionIsStoreUnavailable() {
        ApiResponse answer = Answers.failure("GET", "/api/patients", new SQLException("connection refused"));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo(Map.of("error", "The billing store is not available; try again later."));
    }

    @Test
    void sqlExceptionDeepInTheCauseChainIsStoreUnavailable() {
        Exception wrapped =
                new IllegalStateException("pool", new RuntimeException(new SQLTransientConnectionException("timeout")));
        assertThat(Answers.failure("GET", "/api/messages", wrapped).status()).isEqualTo(503);
    }

    @Test
    void anyOtherExceptionIsAnInternalError() {
        ApiResponse answer = Answers.failure("GET", "/api/patients", new NullPointerException());
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo(Map.of("error", "Internal error in the interface; it has been logged."));
    }

    @Test
    void internalErrorIsLoggedWithClassesAndFramesButNoMessages() {
        Exception bug = new IllegalStateException(
                "patient Rawson, Ada born 1961-03-07", new IllegalArgumentException("SSN 123-45-6789"));
        try (LogCapture log = new LogCapture()) {
            Answers.failure("GET", "/api/patients", bug);
            assertThat(log.text())
                    .contains("GET /api/patients")
                    .contains("java.lang.IllegalStateException\n\tat com.webptbridge.api.FailureAnswerTest.")
                    .contains("Caused by: java.lang.IllegalArgumentException\n\tat ")
                    .doesNotContain("Rawson")
                    .doesNotContain("1961")
                    .doesNotContain("123-45");
        }
    }

    @Test
    void causeChainThatLoopsEndsTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(com.webptbridge.store.Database.isStoreFailure(a)).isFalse();
        assertThat(Answers.withoutMessages(a)).containsOnlyOnce("Caused by:");
    }
}
