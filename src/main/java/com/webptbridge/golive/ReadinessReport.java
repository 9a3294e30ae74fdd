package com.webptbridge.golive;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingKind;
import com.webptbridge.hl7.ReferenceSentences;
import com.webptbridge.store.lifecycle.InterfaceState;
import com.webptbridge.store.lifecycle.TestTraffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checklist an analyst reads before go-live: one item per check, each PASS, WARN or FAIL with
 * the reason. Made from facts ({@link Facts}) by pure rules, so each rule has its unit test.
 * Unresolved references and missing test traffic FAIL; a low AA share, TLS off, no analyst
 * account and waiting messages WARN. {@code state}: the interface's lifecycle state as a word.
 */
public record ReadinessReport(String interfaceId, String state, Verdict verdict, List<Item> items) {

    /** The last this many answered test messages give the AA share. */
    public static final int LAST_MESSAGES = 20;

    /** Below this share of AA among them the report warns. */
    public static final double LOW_AA_SHARE = 0.9;

    /** One check. {@code unresolved}: the references behind a FAIL of the resolution check, else empty. */
    public record Item(String check, Verdict verdict, String reason, List<UnresolvedReference> unresolved) {

        Item(String check, Verdict verdict, String reason) {
            this(check, verdict, reason, List.of());
        }
    }

    /** A reference test traffic named that does not resolve, with what fixes it, as in the worklist. */
    public record UnresolvedReference(String kind, String key, int messages, String title, String fix, String link) {}

    /** What the checks read. */
    public record Facts(
            Map<ReferenceKind, Long> activeRecords,
            List<TestTraffic.Unresolved> unresolved,
            List<String> lastAckCodes,
            Map<String, Long> testMessagesByType,
            boolean tls,
            int analysts,
            long waitingMessages) {}

    /** The items that FAIL, for the audit note of a forced go-live. */
    public List<Item> failures() {
        return items.stream().filter(i -> i.verdict() == Verdict.FAIL).toList();
    }

    public static ReadinessReport of(String interfaceId, InterfaceState state, Facts f) {
        List<Item> items = new ArrayList<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            long n = f.activeRecords().getOrDefault(kind, 0L);
            items.add(
                    n > 0
                            ? new Item("reference data: " + kind.noun(), Verdict.PASS, n + " active record(s)")
                            : new Item(
                                    "reference data: " + kind.noun(),
                                    Verdict.FAIL,
                                    "no active " + kind.noun() + " record: import or add the billing system's "
                                            + kind.path() + " first"));
        }
        items.add(resolution(interfaceId, f.unresolved()));
        items.add(traffic(f.testMessagesByType()));
        items.add(aaShare(f.lastAckCodes()));
        items.add(
                f.tls()
                        ? new Item("TLS on the listener", Verdict.PASS, "bridge.mllp.tls=true")
                        : new Item(
                                "TLS on the listener",
                                Verdict.WARN,
                                "the MLLP listener takes plain TCP (bridge.mllp.tls=false): patient data crosses the"
                                        + " network unencrypted unless a VPN or tunnel carries it"));
        items.add(
                f.analysts() > 0
                        ? new Item("analyst account", Verdict.PASS, f.analysts() + " analyst account(s) may see it")
                        : new Item(
                                "analyst account",
                                Verdict.WARN,
                                "no analyst account may see this interface: add one with bridge user add NAME --role"
                                        + " analyst --interfaces " + interfaceId));
        items.add(
                f.waitingMessages() == 0
                        ? new Item("waiting messages", Verdict.PASS, "no message waits")
                        : new Item(
                                "waiting messages",
                                Verdict.WARN,
                                f.waitingMessages() + " message(s) in ERROR wait for a fix or a reference: see the"
                                        + " worklist"));
        Verdict verdict = Verdict.PASS;
        for (Item i : items) {
            verdict = verdict.and(i.verdict());
        }
        return new ReadinessReport(interfaceId, state.word(), verdict, List.copyOf(items));
    }

    private static Item resolution(String interfaceId, List<TestTraffic.Unresolved> unresolved) {
        String check = "test traffic's references resolve";
        if (unresolved.isEmpty()) {
            return new Item(
                    check,
                    Verdict.PASS,
                    "every payer, facility, provider, referring NPI and procedure code test messages named resolves");
        }
        List<UnresolvedReference> list = new ArrayList<>();
        int messages = 0;
        for (TestTraffic.Unresolved u : unresolved) {
            WaitingKind kind = u.kind();
            messages += u.messages();
            list.add(new UnresolvedReference(
                    kind.code(),
                    u.key(),
                    u.messages(),
                    ReferenceSentences.title(kind, u.key(), null),
                    ReferenceSentences.add(kind, u.key()),
                    "/api/interfaces/" + interfaceId + "/" + kind.releasedBy().path()));
        }
        return new Item(
                check,
                Verdict.FAIL,
                list.size() + " reference(s) named by " + messages + " test message(s) do not resolve",
                List.copyOf(list));
    }

    private static Item traffic(Map<String, Long> byType) {
        String check = "test traffic for ADT and DFT";
        long adt = byType.getOrDefault("ADT", 0L);
        long dft = byType.getOrDefault("DFT", 0L);
        if (adt > 0 && dft > 0) {
            return new Item(check, Verdict.PASS, adt + " ADT and " + dft + " DFT test message(s)");
        }
        List<String> missing = new ArrayList<>();
        if (adt == 0) {
            missing.add("ADT");
        }
        if (dft == 0) {
            missing.add("DFT");
        }
        return new Item(
                check,
                Verdict.FAIL,
                "no " + String.join(" and no ", missing) + " test message seen: have WebPT send test patients and"
                        + " visits while the interface is in testing");
    }

    private static Item aaShare(List<String> codes) {
        String check = "AA share of the last test messages";
        if (codes.isEmpty()) {
            return new Item(check, Verdict.WARN, "no test message answered yet");
        }
        long aa = codes.stream().filter("AA"::equals).count();
        double share = (double) aa / codes.size();
        String reason = aa + " of the last " + codes.size() + " test message(s) answered AA";
        return share >= LOW_AA_SHARE
                ? new Item(check, Verdict.PASS, reason)
                : new Item(check, Verdict.WARN, reason + ", below " + Math.round(LOW_AA_SHARE * 100) + "%");
    }
}
