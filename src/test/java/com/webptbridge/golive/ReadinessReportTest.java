package com.webptbridge.golive;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingKind;
import com.webptbridge.store.lifecycle.InterfaceState;
import com.webptbridge.store.lifecycle.TestTraffic;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness rules, one fact at a time from a report that passes. */
class ReadinessReportTest {

    private static Map<ReferenceKind, Long> everyKind(long n) {
        Map<ReferenceKind, Long> out = new EnumMap<>(ReferenceKind.class);
        for (ReferenceKind k : ReferenceKind.values()) {
            out.put(k, n);
        }
        return out;
    }

    private static ReadinessReport.Facts ready() {
        return new ReadinessReport.Facts(
                everyKind(3), List.of(), Collections.nCopies(20, "AA"), Map.of("ADT", 4L, "DFT", 6L), true, 1, 0);
    }

    private static ReadinessReport report(ReadinessReport.Facts f) {
        return ReadinessReport.of("clinic-a", InterfaceState.TESTING, f);
    }

    private static ReadinessReport.Item item(ReadinessReport r, String check) {
        return r.items().stream()
                .filter(i -> i.check().equals(check))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aReadyInterfacePassesEveryItem() {
        ReadinessReport r = report(ready());
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.state()).isEqualTo("testing");
        assertThat(r.items()).allMatch(i -> i.verdict() == Verdict.PASS);
    }

    @Test
    void anUnresolvedReferenceFailsWithItsCountWhatToAddAndWhere() {
        ReadinessReport.Facts f = ready();
        ReadinessReport r = report(new ReadinessReport.Facts(
                f.activeRecords(),
                List.of(new TestTraffic.Unresolved(WaitingKind.PAYER, "7777", 2)),
                f.lastAckCodes(),
                f.testMessagesByType(),
                true,
                1,
                0));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        ReadinessReport.Item i = item(r, "test traffic's references resolve");
        assertThat(i.reason()).isEqualTo("1 reference(s) named by 2 test message(s) do not resolve");
        assertThat(i.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.title()).isEqualTo("Payer Alternate ID 7777");
            assertThat(u.fix()).contains("7777");
            assertThat(u.link()).isEqualTo("/api/interfaces/clinic-a/payers");
        });
        assertThat(r.failures()).containsExactly(i);
    }

    @Test
    void noDftTestTrafficFailsNamingWhatIsMissing() {
        ReadinessReport.Facts f = ready();
        ReadinessReport r = report(new ReadinessReport.Facts(
                f.activeRecords(), List.of(), f.lastAckCodes(), Map.of("ADT", 2L), true, 1, 0));
        assertThat(item(r, "test traffic for ADT and DFT").reason()).startsWith("no DFT test message seen");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aKindWithoutRecordsFails() {
        Map<ReferenceKind, Long> records = everyKind(3);
        records.put(ReferenceKind.FACILITY, 0L);
        ReadinessReport.Facts f = ready();
        ReadinessReport r = report(
                new ReadinessReport.Facts(records, List.of(), f.lastAckCodes(), f.testMessagesByType(), true, 1, 0));
        assertThat(item(r, "reference data: facility").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aLowAaShareTlsOffNoAnalystAndWaitingMessagesOnlyWarn() {
        ReadinessReport.Facts f = ready();
        List<String> acks = new java.util.ArrayList<>(Collections.nCopies(17, "AA"));
        acks.addAll(List.of("AE", "AE", "AR"));
        ReadinessReport r = report(
                new ReadinessReport.Facts(f.activeRecords(), List.of(), acks, f.testMessagesByType(), false, 0, 5));
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(item(r, "AA share of the last test messages").reason())
                .isEqualTo("17 of the last 20 test message(s) answered AA, below 90%");
        assertThat(item(r, "TLS on the listener").verdict()).isEqualTo(Verdict.WARN);
        assertThat(item(r, "analyst account").reason()).contains("--interfaces clinic-a");
        assertThat(item(r, "waiting messages").reason()).startsWith("5 message(s)");
        assertThat(r.failures()).isEmpty();
    }
}
