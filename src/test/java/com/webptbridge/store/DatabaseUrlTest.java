package com.webptbridge.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlTest {

    @Test
    void embeddedH2IsClosedByTheEngineWritesNoTraceFileKeepsParsedStatementsAndOldChunksOneSecond() {
        assertThat(Database.embeddedDefaults("jdbc:h2:file:./data/bridge"))
                .isEqualTo("jdbc:h2:file:./data/bridge;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=64"
                        + ";RETENTION_TIME=1000");
        assertThat(Database.embeddedDefaults("jdbc:h2:mem:x")).doesNotContain("RETENTION_TIME");
    }

    @Test
    void whatTheUrlSetsIsKeptAndOtherDatabasesAreLeftAlone() {
        assertThat(
                        Database.embeddedDefaults(
                                "jdbc:h2:file:x;db_close_on_exit=TRUE;TRACE_LEVEL_FILE=1;RETENTION_TIME=45000;QUERY_CACHE_SIZE=8"))
                .isEqualTo(
                        "jdbc:h2:file:x;db_close_on_exit=TRUE;TRACE_LEVEL_FILE=1;RETENTION_TIME=45000;QUERY_CACHE_SIZE=8");
        assertThat(Database.embeddedDefaults("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }
}
