package com.webptbridge.billing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What kind of payer a payer is, for claim-readiness rules: Medicare's rules (GP, the 8-minute rule,
 * the referring provider, 12 months' filing) are not every payer's. A payer whose class is unset
 * counts as {@link #COMMERCIAL}.
 */
public enum PayerClass {
    MEDICARE("medicare"),
    MEDICARE_ADVANTAGE("medicare-advantage"),
    MEDICAID("medicaid"),
    COMMERCIAL("commercial"),
    WORKERS_COMP("workers-comp"),
    SELF_PAY("self-pay");

    private final String id;

    PayerClass(String id) {
        this.id = id;
    }

    /** As written in a payer record and in conf/rules, e.g. {@code medicare-advantage}. */
    public String id() {
        return id;
    }

    /** The class written {@code text} (case and spaces ignored), if it is one. */
    public static Optional<PayerClass> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        return Arrays.stream(values()).filter(c -> c.id.equals(t)).findFirst();
    }

    /**
     * A payer record's class: its {@code payerClass}, else what its plan type says (billing systems'
     * "Financial Class" is often Medicare, Medicaid, Workers Comp...), else commercial.
     */
    public static PayerClass ofRecord(String payerClass, String planType) {
        Optional<PayerClass> set = of(payerClass);
        if (set.isPresent()) {
            return set.get();
        }
        String plan = planType == null ? "" : planType.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (plan.startsWith("medicareadvantage") || plan.contains("medicarehmo") || plan.contains("medicareppo")) {
            return MEDICARE_ADVANTAGE;
        }
        if (plan.startsWith("medicare")) {
            return MEDICARE;
        }
        if (plan.startsWith("medicaid")) {
            return MEDICAID;
        }
        if (plan.startsWith("workers") || plan.equals("wc")) {
            return WORKERS_COMP;
        }
        if (plan.startsWith("selfpay") || plan.equals("cash")) {
            return SELF_PAY;
        }
        return COMMERCIAL;
    }

    /** Every class, for a sentence: "medicare, medicare-advantage, ...". */
    public static String list() {
        return Arrays.stream(values()).map(PayerClass::id).collect(Collectors.joining(", "));
    }
}
