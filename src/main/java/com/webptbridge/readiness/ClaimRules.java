package com.webptbridge.readiness;

import com.webptbridge.billing.ChargeLine;
import com.webptbridge.billing.Encounter;
import com.webptbridge.billing.PayerClass;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.mapping.FieldPosition;
import com.webptbridge.mapping.MappedCharge;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.mapping.ProfileKey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The claim-readiness checks of one resolved encounter, each a {@link Rule} over the data of a
 * {@link RuleBook}. A rule applies when its data lists the primary payer's class and the interface
 * has not switched it off. Locations are the profile's (FT1-26 for modifiers in WebPT's profile).
 */
public final class ClaimRules {

    /** ICD-10-CM: a letter, a digit, a letter or digit, then optionally a dot and 1 to 4 more. */
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");

    private final RuleBook book;
    private final Set<Rule> off;

    public ClaimRules(RuleBook book, Set<Rule> off) {
        this.book = book;
        this.off = Set.copyOf(off);
    }

    public RuleBook book() {
        return book;
    }

    private boolean on(Rule rule, PayerClass c) {
        return !off.contains(rule) && book.applies(rule, c);
    }

    /** Every finding about the visit, in message order within each rule. */
    public List<Finding> check(Visit v, MappingProfile profile) {
        List<Finding> out = new ArrayList<>();
        PayerClass c = v.payerClass();
        Encounter e = v.encounter();
        List<ChargeLine> charges = e.charges();
        List<MappedCharge> mapped = v.mapped().charges();
        String payer = payerName(c);
        int modifierField = field(profile, ProfileKey.CHARGE_MODIFIERS, 26);
        int unitsField = field(profile, ProfileKey.CHARGE_UNITS, 10);
        if (on(Rule.THERAPY_MODIFIER, c)) {
            for (int i = 0; i < charges.size(); i++) {
                ChargeLine line = charges.get(i);
                if (!book.therapyCodes().contains(line.procedureCode())) {
                    continue;
                }
                int n = sequence(mapped, i);
                ErrorLocation at = ErrorLocation.field("FT1", n, modifierField);
                String wrong = line.modifiers().stream()
                        .map(String::toUpperCase)
                        .filter(m -> book.therapyModifiers().containsKey(m) && !m.equals(book.discipline()))
                        .findFirst()
                        .orElse(null);
                if (wrong != null) {
                    out.add(new Finding(
                            Rule.THERAPY_MODIFIER,
                            n,
                            line.procedureCode(),
                            Sentence.FINDING_WRONG_THERAPY_MODIFIER.at(
                                    at,
                                    n,
                                    line.procedureCode(),
                                    wrong,
                                    book.therapyModifiers().get(wrong),
                                    payer,
                                    book.discipline())));
                } else if (line.modifiers().stream().noneMatch(m -> m.equalsIgnoreCase(book.discipline()))) {
                    out.add(new Finding(
                            Rule.THERAPY_MODIFIER,
                            n,
                            line.procedureCode(),
                            Sentence.FINDING_NO_THERAPY_MODIFIER.at(
                                    at, n, line.procedureCode(), payer, book.discipline())));
                }
            }
        }
        timed(v, c, payer, unitsField, out);
        diagnoses(v, c, profile, out);
        if (on(Rule.REFERRING_PROVIDER, c) && e.placement().referringProvider() == null) {
            out.add(new Finding(
                    Rule.REFERRING_PROVIDER,
                    0,
                    null,
                    Sentence.FINDING_NO_REFERRING_PROVIDER.at(
                            location(profile, ProfileKey.ENCOUNTER_REFERRING_PROVIDER, "PV1", 8), payer)));
        }
        if (on(Rule.PLACE_OF_SERVICE, c)) {
            String pos = e.placement().placeOfService();
            ErrorLocation at = location(profile, ProfileKey.ENCOUNTER_FACILITY, "PV1", 3);
            long facility = e.placement().facility();
            if (pos == null || pos.isBlank()) {
                if (book.defaultPlaceOfService() == null) {
                    out.add(new Finding(
                            Rule.PLACE_OF_SERVICE, 0, null, Sentence.FINDING_NO_PLACE_OF_SERVICE.at(at, facility)));
                }
            } else if (!book.placesOfService().contains(pos)) {
                out.add(new Finding(
                        Rule.PLACE_OF_SERVICE,
                        0,
                        null,
                        Sentence.FINDING_PLACE_OF_SERVICE.at(
                                at, pos, facility, String.join(", ", book.placesOfService()))));
            }
        }
        if (on(Rule.TIMELY_FILING, c) && v.sentOn() != null) {
            int limit = book.filingDays(c);
            int oldest = -1;
            for (int i = 0; i < charges.size(); i++) {
                LocalDate d = charges.get(i).serviceDate();
                if (d != null && (oldest < 0 || d.isBefore(charges.get(oldest).serviceDate()))) {
                    oldest = i;
                }
            }
            if (oldest >= 0) {
                LocalDate d = charges.get(oldest).serviceDate();
                long age = ChronoUnit.DAYS.between(d, v.sentOn());
                if (age > limit) {
                    int n = sequence(mapped, oldest);
                    out.add(new Finding(
                            Rule.TIMELY_FILING,
                            n,
                            charges.get(oldest).procedureCode(),
                            Sentence.FINDING_TIMELY_FILING.at(
                                    ErrorLocation.field("FT1", n, field(profile, ProfileKey.CHARGE_SERVICE_DATE, 4)),
                                    d,
                                    age,
                                    payer,
                                    limit)));
                }
            }
        }
        return out;
    }

    /** The 8-minute rule when minutes are known; otherwise too many timed units, and timed codes with none. */
    private void timed(Visit v, PayerClass c, String payer, int unitsField, List<Finding> out) {
        List<ChargeLine> charges = v.encounter().charges();
        List<MappedCharge> mapped = v.mapped().charges();
        int total = 0;
        int first = -1;
        for (int i = 0; i < charges.size(); i++) {
            ChargeLine line = charges.get(i);
            if (book.timedCodes().contains(line.procedureCode())) {
                total += line.units().intValue();
                first = first < 0 ? i : first;
            }
        }
        if (first < 0) {
            return;
        }
        ErrorLocation firstUnits = ErrorLocation.field("FT1", sequence(mapped, first), unitsField);
        if (v.minutes() != null && on(Rule.EIGHT_MINUTE, c)) {
            int expected = unitsFor(v.minutes());
            if (expected != total) {
                out.add(new Finding(
                        Rule.EIGHT_MINUTE,
                        0,
                        null,
                        Sentence.FINDING_EIGHT_MINUTE_RULE.at(firstUnits, total, v.minutes(), payer, expected)));
            }
            return;
        }
        if (v.minutes() != null || !on(Rule.TIMED_UNITS, c)) {
            return;
        }
        if (total > book.maxTimedUnits()) {
            out.add(new Finding(
                    Rule.TIMED_UNITS,
                    0,
                    null,
                    Sentence.FINDING_TOO_MANY_TIMED_UNITS.at(firstUnits, total, book.maxTimedUnits())));
        }
        for (int i = 0; i < charges.size(); i++) {
            ChargeLine line = charges.get(i);
            if (book.timedCodes().contains(line.procedureCode()) && line.units().compareTo(BigDecimal.ZERO) == 0) {
                int n = sequence(mapped, i);
                out.add(new Finding(
                        Rule.TIMED_UNITS,
                        n,
                        line.procedureCode(),
                        Sentence.FINDING_ZERO_UNITS.at(
                                ErrorLocation.field("FT1", n, unitsField), n, line.procedureCode())));
            }
        }
    }

    private void diagnoses(Visit v, PayerClass c, MappingProfile profile, List<Finding> out) {
        Encounter e = v.encounter();
        ErrorLocation fallback = ErrorLocation.field(
                "FT1", sequence(v.mapped().charges(), 0), field(profile, ProfileKey.CHARGE_DIAGNOSIS_POINTERS, 19));
        for (String code : e.diagnoses()) {
            ErrorLocation at = v.diagnosisAt().getOrDefault(code, fallback);
            String upper = code.toUpperCase(java.util.Locale.ROOT);
            if (!ICD10.matcher(upper).matches()) {
                if (on(Rule.DIAGNOSIS_FORMAT, c)) {
                    out.add(new Finding(
                            Rule.DIAGNOSIS_FORMAT, 0, null, Sentence.FINDING_DIAGNOSIS_MALFORMED.at(at, code)));
                }
            } else if (on(Rule.INJURY_SEVENTH_CHARACTER, c)
                    && (upper.startsWith("S") || upper.startsWith("T"))
                    && upper.replace(".", "").length() < 7) {
                out.add(new Finding(
                        Rule.INJURY_SEVENTH_CHARACTER, 0, null, Sentence.FINDING_INJURY_NO_SEVENTH.at(at, code)));
            }
        }
        if (on(Rule.DIAGNOSIS_POINTER, c)
                && !e.charges().isEmpty()
                && e.charges().stream().allMatch(l -> l.diagnosisPointers().isEmpty())) {
            out.add(new Finding(Rule.DIAGNOSIS_POINTER, 0, null, Sentence.FINDING_NO_DIAGNOSIS_POINTED.at(fallback)));
        }
    }

    /**
     * Units billable for a visit's total timed minutes under Medicare's 8-minute rule (CMS Pub.
     * 100-04, ch. 5, 20.2): under 8 minutes none; 8 to 22 one; then one more per 15 minutes.
     */
    public static int unitsFor(int minutes) {
        return minutes < 8 ? 0 : (minutes - 8) / 15 + 1;
    }

    /** How a sentence names the payer: "Medicare", "Medicaid", or "the payer". */
    static String payerName(PayerClass c) {
        return switch (c) {
            case MEDICARE -> "Medicare";
            case MEDICARE_ADVANTAGE -> "the Medicare Advantage plan";
            case MEDICAID -> "Medicaid";
            case WORKERS_COMP -> "the workers' compensation payer";
            default -> "the payer";
        };
    }

    /** The FT1 set number of the i-th resolved charge: resolution keeps the mapped charges one for one. */
    private static int sequence(List<MappedCharge> mapped, int i) {
        return i < mapped.size() && mapped.get(i).procedureCode() != null
                ? mapped.get(i).procedureCode().at().sequence()
                : i + 1;
    }

    private static int field(MappingProfile profile, ProfileKey key, int fallback) {
        List<FieldPosition> p = profile == null ? List.of() : profile.positions(key);
        return p.isEmpty() ? fallback : p.get(0).field();
    }

    private static ErrorLocation location(MappingProfile profile, ProfileKey key, String segment, int field) {
        List<FieldPosition> p = profile == null ? List.of() : profile.positions(key);
        return p.isEmpty()
                ? ErrorLocation.field(segment, 1, field)
                : ErrorLocation.field(p.get(0).segment(), 1, p.get(0).field());
    }
}
