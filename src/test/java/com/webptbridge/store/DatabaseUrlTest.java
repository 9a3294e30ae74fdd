package com.webptbridge.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlTest {

    @Test
    void embeddedH2IsClosedByTheEngineWritesNoTraceFileKeepsParsedStatementsAndOldChunksOneSecond() {
        assertThat(DatabaseUrl.of("jdbc:h2:file:./data/bridge").withEmbeddedDefaults())
                .isEqualTo("jdbc:h2:file:./data/bridge;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=64"
                        + ";RETENTION_TIME=1000");
        assertThat(DatabaseUrl.of("jdbc:h2:mem:x").withEmbeddedDefaults()).doesNotContain("RETENTION_TIME");
    }

    @Test
    void whatTheUrlSetsIsKeptAndOtherDatabasesAreLeftAlone() {
        assertThat(DatabaseUrl.of(
                                "jdbc:h2:file:x;db_close_on_exit=TRUE;TRACE_LEVEL_FILE=1;RETENTION_TIME=45000;QUERY_CACHE_SIZE=8")
                        .withEmbeddedDefaults())
                .isEqualTo(
                        "jdbc:h2:file:x;db_close_on_exit=TRUE;TRACE_LEVEL_FILE=1;RETENTION_TIME=45000;QUERY_CACHE_SIZE=8");
        assertThat(DatabaseUrl.of("jdbc:postgresql://h/db").withEmbeddedDefaults())
                .isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void embeddedMeansInThisProcessAndAFileMeansNotInMemory() {
        assertThat(DatabaseUrl.of("jdbc:h2:file:./data/bridge").embeddedFile()).isTrue();
        assertThat(DatabaseUrl.of("jdbc:h2:./data/bridge").embeddedFile()).isTrue();
        assertThat(DatabaseUrl.of("jdbc:h2:mem:x").embedded()).isTrue();
        assertThat(DatabaseUrl.of("jdbc:h2:mem:x").embeddedFile()).isFalse();
        assertThat(DatabaseUrl.of("jdbc:h2:tcp://host/db").embedded()).isFalse();
        assertThat(DatabaseUrl.of("jdbc:h2:ssl://host/db").embedded()).isFalse();
        assertThat(DatabaseUrl.of("jdbc:postgresql://h/db").embedded()).isFalse();
        assertThat(DatabaseUrl.of("jdbc:postgresql://h/db").postgres()).isTrue();
    }

    @Test
    void theFileOfAnEmbeddedDatabaseIsItsPathWithoutParameters() {
        assertThat(DatabaseUrl.of("jdbc:h2:file:./data/bridge;MODE=PostgreSQL").embeddedPath())
                .contains(Path.of("./data/bridge"));
        assertThat(DatabaseUrl.of("jdbc:h2:/var/bridge/db").embeddedPath()).contains(Path.of("/var/bridge/db"));
        assertThat(DatabaseUrl.of("jdbc:h2:mem:x").embeddedPath()).isEmpty();
        assertThat(EmbeddedCompaction.file("jdbc:h2:file:./data/bridge;TRACE_LEVEL_FILE=0"))
                .isEqualTo(Path.of("./data/bridge.mv.db"));
    }

    @Test
    void onlyH2FileUrlsWriteLazilyUnlessWriteDelayIsZero() {
        assertThat(DatabaseUrl.of("jdbc:h2:file:x").lazyWrites()).isTrue();
        assertThat(DatabaseUrl.of("jdbc:h2:file:x;write_delay=0").lazyWrites()).isFalse();
        assertThat(DatabaseUrl.of("jdbc:h2:mem:x").lazyWrites()).isFalse();
        assertThat(DatabaseUrl.of("jdbc:postgresql://h/db").lazyWrites()).isFalse();
    }

    @Test
    void aLoggedUrlHasNoParametersWhichMayCarryCredentials() {
        assertThat(DatabaseUrl.of("jdbc:postgresql://h/db?password=secret").safe())
                .isEqualTo("jdbc:postgresql://h/db");
        assertThat(DatabaseUrl.of("jdbc:h2:file:x;PASSWORD=y").toString()).isEqualTo("jdbc:h2:file:x");
    }
}
