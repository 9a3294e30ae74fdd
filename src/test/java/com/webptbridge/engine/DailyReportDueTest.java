package com.webptbridge.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Which day's report is due at a moment, and where the reports go by default. */
class DailyReportDueTest {

    private static final LocalTime SIX = LocalTime.of(6, 0);

    @Test
    void fromTheHourYesterdayIsDueBeforeItTheDayBefore() {
        assertThat(DailyReportJob.due(LocalDateTime.of(2026, 12, 4, 6, 0), SIX)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(DailyReportJob.due(LocalDateTime.of(2026, 12, 4, 23, 59), SIX))
                .isEqualTo(LocalDate.of(2026, 12, 3));
        // An engine that starts at 05:59 was down at yesterday's hour: the day before yesterday is due.
        assertThat(DailyReportJob.due(LocalDateTime.of(2026, 12, 4, 5, 59), SIX))
                .isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void reportsGoBesideTheEmbeddedDatabaseUnlessTheSettingNamesAFolder() {
        Properties p = new Properties();
        p.setProperty("bridge.db.url", "jdbc:h2:file:/srv/bridge/data/bridge");
        assertThat(DailyReportJob.folder(Settings.load(Map.of(), p))).isEqualTo(Path.of("/srv/bridge/data/reports"));
        p.setProperty("bridge.reports.dir", "/mnt/shared/reports");
        assertThat(DailyReportJob.folder(Settings.load(Map.of(), p))).isEqualTo(Path.of("/mnt/shared/reports"));
    }
}
