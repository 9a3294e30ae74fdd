package com.webptbridge.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlTest {

    @Test
    void embeddedH2IsClosedByTheEngineAndWritesNoTraceFile() {
        assertThat(Database.embeddedDefaults("jdbc:h2:file:./data/bridge"))
                .isEqualTo("jdbc:h2:file:./data/bridge;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
    }

    @Test
    void whatTheUrlSetsIsKeptAndOtherDatabasesAreLeftAlone() {
        assertThat(Database.embeddedDefaults("jdbc:h2:file:x;db_close_on_exit=TRUE;TRACE_LEVEL_FILE=1"))
                .isEqualTo("jdbc:h2:file:x;db_close_on_exit=TRUE;TRACE_LEVEL_FILE=1");
        assertThat(Database.embeddedDefaults("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }
}
