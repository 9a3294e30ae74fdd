package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import com.webptbridge.billing.Coverage;
import com.webptbridge.billing.PatientInfo;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DFT^P03 to an {@link MappedEncounter}: Patient Info from PID, a policy per IN1, the visit from PV1, a
 * diagnosis list from DG1 and a charge line per FT1, at the profile's positions. Every problem is
 * collected; resolving payers, facilities, providers and codes against billing data happens later.
 */
public final class EncounterMapper {

    /** The NPI's assigning-authority OID (CMS NPPES). */
    private static final String NPI_OID = "2.16.840.1.113883.4.6";
    private static final Set<String> CHARGE_TYPES = Set.of("", "CG");

    private final MappingProfile profile;
    private final PatientInfoMapper patients;

    public EncounterMapper(MappingProfile profile) {
        this.profile = profile;
        this.patients = new PatientInfoMapper(profile);
    }

    public MappedEncounter map(MessageView m, List<Problem> problems, List<String> notes) {
        PatientInfo patient = patients.map(m, problems);
        List<MappedPolicy> policies = policies(m, problems);
        List<String> diagnoses = diagnoses(m);
        List<MappedCharge> charges = charges(m, diagnoses, problems, notes);

        Segment pv1 = m.first("PV1");
        String visitNumber = text(m, pv1, ProfileKey.ENCOUNTER_VISIT_NUMBER);
        Located facility = firstValued(m, null, ProfileKey.ENCOUNTER_FACILITY);
        Keyed facilityKey = null;
        if (facility == null) {
            problems.add(NakReason.REQUIRED_FIELD_MISSING.at(location(m, null, profile.positions(ProfileKey.ENCOUNTER_FACILITY)),
                    "The visit names no facility (" + list(ProfileKey.ENCOUNTER_FACILITY) + "): set the facility's Alternate ID"
                            + " in WebPT to its billing Sequence Number."));
        } else {
            facilityKey = new Keyed(facility.text, facility.at, facility.position);
        }
        ProviderKey rendering = provider(m, ProfileKey.ENCOUNTER_RENDERING_PROVIDER, true, problems);
        ProviderKey referring = provider(m, ProfileKey.ENCOUNTER_REFERRING_PROVIDER, false, problems);
        LocalDate serviceDate = charges.stream().map(MappedCharge::serviceDate).filter(d -> d != null)
                .min(Comparator.naturalOrder()).orElse(null);
        if (patient == null) {
            return null;
        }
        return new MappedEncounter(patient, policies, visitNumber.isEmpty() ? null : visitNumber, serviceDate, facilityKey,
                rendering, referring, diagnoses, charges);
    }

    private List<MappedPolicy> policies(MessageView m, List<Problem> problems) {
        List<MappedPolicy> out = new ArrayList<>();
        int n = 0;
        for (Segment in1 : m.all("IN1")) {
            n++;
            String priorityText = text(m, in1, ProfileKey.INSURANCE_PRIORITY);
            ErrorLocation priorityAt = at("IN1", n, profile.positions(ProfileKey.INSURANCE_PRIORITY));
            int priority;
            if (!priorityText.matches("[123]")) {
                problems.add(NakReason.TABLE_VALUE_NOT_FOUND.at(priorityAt, "Insurance " + n + " has priority '"
                        + priorityText + "' (IN1-1): it must be 1 (primary), 2 (secondary) or 3 (tertiary)."));
                continue;
            }
            priority = Integer.parseInt(priorityText);
            String payer = text(m, in1, ProfileKey.INSURANCE_PAYER);
            ErrorLocation payerAt = at("IN1", n, profile.positions(ProfileKey.INSURANCE_PAYER));
            if (payer.isEmpty()) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(payerAt, "Insurance " + n + " names no payer ("
                        + list(ProfileKey.INSURANCE_PAYER) + "): set the payer's Alternate ID in WebPT to its billing Sequence Number."));
            }
            String memberId = text(m, in1, ProfileKey.INSURANCE_MEMBER_ID);
            if (memberId.isEmpty()) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(at("IN1", n, profile.positions(ProfileKey.INSURANCE_MEMBER_ID)),
                        "Insurance " + n + " has no member (policy) number (" + list(ProfileKey.INSURANCE_MEMBER_ID)
                                + "): add it to the patient's case in WebPT."));
            }
            Type name = type(m, in1, ProfileKey.INSURANCE_INSURED_NAME);
            Type address = type(m, in1, ProfileKey.INSURANCE_INSURED_ADDRESS);
            out.add(new MappedPolicy(priority, payer.isEmpty() ? null : new Keyed(payer, payerAt, profile.positions(ProfileKey.INSURANCE_PAYER).get(0)),
                    new Coverage(memberId, blankToNull(text(m, in1, ProfileKey.INSURANCE_GROUP_NUMBER)),
                    blankToNull(text(m, in1, ProfileKey.INSURANCE_GROUP_NAME)),
                    date(m, in1, n, ProfileKey.INSURANCE_EFFECTIVE_DATE, "plan effective date", problems),
                    date(m, in1, n, ProfileKey.INSURANCE_EXPIRATION_DATE, "plan expiration date", problems),
                    part(m, name, 1), part(m, name, 2), blankToNull(text(m, in1, ProfileKey.INSURANCE_RELATIONSHIP)),
                    date(m, in1, n, ProfileKey.INSURANCE_INSURED_DATE_OF_BIRTH, "insured's date of birth", problems),
                    blankToNull(text(m, in1, ProfileKey.INSURANCE_INSURED_SEX).toUpperCase(Locale.ROOT)),
                    part(m, address, 1), part(m, address, 2), part(m, address, 3), part(m, address, 4), part(m, address, 5))));
        }
        return out;
    }

    /** DG1 codes ordered by priority (DG1-15), then set ID (DG1-1), then as sent; duplicates once. */
    private List<String> diagnoses(MessageView m) {
        record Dx(String code, int priority, int setId, int order) {
        }
        List<Dx> found = new ArrayList<>();
        int order = 0;
        for (Segment dg1 : m.all("DG1")) {
            String code = text(m, dg1, ProfileKey.DIAGNOSIS_CODE);
            if (!code.isEmpty()) {
                found.add(new Dx(code.toUpperCase(Locale.ROOT), number(text(m, dg1, ProfileKey.DIAGNOSIS_PRIORITY)),
                        number(text(m, dg1, ProfileKey.DIAGNOSIS_SET_ID)), order++));
            }
        }
        found.sort(Comparator.comparingInt(Dx::priority).thenComparingInt(Dx::setId).thenComparingInt(Dx::order));
        return found.stream().map(Dx::code).distinct().toList();
    }

    private List<MappedCharge> charges(MessageView m, List<String> diagnoses, List<Problem> problems, List<String> notes) {
        List<Segment> ft1s = m.all("FT1");
        if (ft1s.isEmpty()) {
            problems.add(NakReason.REQUIRED_FIELD_MISSING.at(ErrorLocation.segment("FT1", 1),
                    "The encounter has no charges (no FT1 segment): a DFT^P03 must carry at least one charge."));
            return List.of();
        }
        List<MappedCharge> out = new ArrayList<>();
        int n = 0;
        for (Segment ft1 : ft1s) {
            n++;
            String type = text(m, ft1, ProfileKey.CHARGE_TYPE).toUpperCase(Locale.ROOT);
            if (!CHARGE_TYPES.contains(type)) {
                notes.add("FT1 " + n + " has transaction type " + type + ": only charges (CG) are posted; skipped.");
                continue;
            }
            String transactionId = text(m, ft1, ProfileKey.CHARGE_TRANSACTION_ID);
            if (transactionId.isEmpty()) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(at("FT1", n, profile.positions(ProfileKey.CHARGE_TRANSACTION_ID)),
                        "Charge " + n + " has no transaction ID (" + list(ProfileKey.CHARGE_TRANSACTION_ID)
                                + "): it is what keeps a charge from being posted twice."));
            }
            LocalDate serviceDate = date(m, ft1, n, ProfileKey.CHARGE_SERVICE_DATE, "date of service", problems);
            if (serviceDate == null && text(m, ft1, ProfileKey.CHARGE_SERVICE_DATE).isEmpty()) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(at("FT1", n, profile.positions(ProfileKey.CHARGE_SERVICE_DATE)),
                        "Charge " + n + " has no date of service (" + list(ProfileKey.CHARGE_SERVICE_DATE) + ")."));
            }
            Located code = firstValued(m, ft1, ProfileKey.CHARGE_PROCEDURE_CODE);
            if (code == null) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(at("FT1", n, profile.positions(ProfileKey.CHARGE_PROCEDURE_CODE)),
                        "Charge " + n + " has no CPT/HCPCS code (" + list(ProfileKey.CHARGE_PROCEDURE_CODE) + ")."));
            }
            List<String> modifiers = repetitions(m, ft1, ProfileKey.CHARGE_MODIFIERS);
            if (modifiers.size() > 4) {
                problems.add(NakReason.DATA_TYPE_ERROR.at(at("FT1", n, profile.positions(ProfileKey.CHARGE_MODIFIERS)),
                        "Charge " + n + " has " + modifiers.size() + " modifiers; a charge takes at most 4."));
            }
            List<Integer> pointers = new ArrayList<>();
            for (String dx : repetitions(m, ft1, ProfileKey.CHARGE_DIAGNOSIS_POINTERS)) {
                int index = diagnoses.indexOf(dx.toUpperCase(Locale.ROOT));
                if (index < 0) {
                    problems.add(NakReason.DATA_TYPE_ERROR.at(at("FT1", n, profile.positions(ProfileKey.CHARGE_DIAGNOSIS_POINTERS)),
                            "Charge " + n + " points at diagnosis " + dx + ", which no DG1 segment lists."));
                } else {
                    pointers.add(index + 1);
                }
            }
            out.add(new MappedCharge(transactionId, serviceDate,
                    code == null ? null : new Keyed(code.text.toUpperCase(Locale.ROOT), at("FT1", n, List.of(code.position)), code.position),
                    modifiers.stream().limit(4).map(s -> s.toUpperCase(Locale.ROOT)).toList(),
                    decimal(m, ft1, n, ProfileKey.CHARGE_UNITS, "units", problems), decimal(m, ft1, n, ProfileKey.CHARGE_AMOUNT, "amount", problems),
                    decimal(m, ft1, n, ProfileKey.CHARGE_UNIT_AMOUNT, "unit amount", problems),
                    blankToNull(text(m, ft1, ProfileKey.CHARGE_REVENUE_CODE)), pointers));
        }
        return out;
    }

    /**
     * A provider from the first XCN field with a value. The NPI is the repetition marked as one
     * (XCN.13 = NPI, or XCN.9 naming the NPI authority by text or OID); the Alternate ID is the first
     * XCN.1 that is not the NPI. For a referring provider an unmarked 10-digit XCN.1 is taken as NPI.
     */
    private ProviderKey provider(MessageView m, ProfileKey key, boolean rendering, List<Problem> problems) {
        String what = rendering ? "rendering provider" : "referring provider";
        for (FieldPosition p : profile.positions(key)) {
            Segment segment = m.first(p.segment());
            if (segment == null) {
                continue;
            }
            List<Type> reps = m.repetitions(segment, p.field());
            if (reps.isEmpty() || m.isClear(reps.get(0))) {
                continue;
            }
            ErrorLocation at = ErrorLocation.field(p.segment(), 1, p.field());
            String npi = null;
            String rule = null;
            String alternateId = null;
            for (Type rep : reps) {
                String id = m.text(rep, 1, 0).trim();
                String marked = npiRule(m, rep);
                if (marked != null && npi == null && !id.isEmpty()) {
                    npi = id;
                    rule = marked;
                } else if (alternateId == null && !id.isEmpty()) {
                    alternateId = id;
                }
            }
            if (!rendering && npi == null && alternateId != null && alternateId.matches("\\d{10}")) {
                npi = alternateId;
                rule = "unmarked 10-digit XCN.1";
                alternateId = null;
            }
            if (rendering && alternateId == null) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(at, "The " + what + " (" + p + ") has no Alternate ID:"
                        + " set the provider's Alternate ID in WebPT to their billing Sequence Number."));
            }
            if (npi == null) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(at, "The " + what + " (" + p + ") has no NPI: add the"
                        + " provider's NPI in WebPT."));
            }
            return new ProviderKey(alternateId, npi, rule, at, p);
        }
        if (rendering) {
            problems.add(NakReason.REQUIRED_FIELD_MISSING.at(location(m, null, profile.positions(key)),
                    "The encounter names no " + what + " (" + list(key) + ")."));
        }
        return null;
    }

    private static String npiRule(MessageView m, Type xcn) {
        if ("NPI".equalsIgnoreCase(m.text(xcn, 13, 0).trim())) {
            return "XCN.13 = NPI";
        }
        String authority = m.text(xcn, 9, 1).trim();
        String universalId = m.text(xcn, 9, 2).trim();
        if ("NPI".equalsIgnoreCase(authority) || NPI_OID.equals(authority) || NPI_OID.equals(universalId)) {
            return "XCN.9 names the NPI authority";
        }
        return null;
    }

    /** A value found at one of several positions, and where. */
    private record Located(String text, ErrorLocation at, FieldPosition position) {
    }

    private Located firstValued(MessageView m, Segment current, ProfileKey key) {
        for (FieldPosition p : profile.positions(key)) {
            Segment s = segment(m, current, p);
            if (s != null) {
                FieldValue v = m.value(s, p);
                if (v instanceof FieldValue.Present present && !present.value().isBlank()) {
                    return new Located(present.value().trim(), location(m, current, List.of(p)), p);
                }
            }
        }
        return null;
    }

    private String text(MessageView m, Segment current, ProfileKey key) {
        Located found = firstValued(m, current, key);
        return found == null ? "" : found.text;
    }

    private Type type(MessageView m, Segment current, ProfileKey key) {
        for (FieldPosition p : profile.positions(key)) {
            Segment s = segment(m, current, p);
            if (s != null) {
                List<Type> reps = m.repetitions(s, p.field());
                if (!reps.isEmpty() && !m.isClear(reps.get(0))) {
                    return reps.get(0);
                }
            }
        }
        return null;
    }

    private List<String> repetitions(MessageView m, Segment current, ProfileKey key) {
        for (FieldPosition p : profile.positions(key)) {
            Segment s = segment(m, current, p);
            if (s != null) {
                List<String> values = new ArrayList<>();
                for (Type rep : m.repetitions(s, p.field())) {
                    String v = m.text(rep, Math.max(p.component(), 1), 0).trim();
                    if (!v.isEmpty() && !m.isClear(rep)) {
                        values.add(v);
                    }
                }
                if (!values.isEmpty()) {
                    return values;
                }
            }
        }
        return List.of();
    }

    private LocalDate date(MessageView m, Segment current, int n, ProfileKey key, String what,
                           List<Problem> problems) {
        String v = text(m, current, key);
        if (v.isEmpty()) {
            return null;
        }
        LocalDate d = Hl7Dates.parse(v);
        if (d == null) {
            problems.add(NakReason.DATA_TYPE_ERROR.at(at(current.getName(), n, profile.positions(key)),
                    "The " + what + " (" + list(key) + ") is not a date in the form YYYYMMDD."));
        }
        return d;
    }

    private BigDecimal decimal(MessageView m, Segment ft1, int n, ProfileKey key, String what, List<Problem> problems) {
        String v = text(m, ft1, key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(NakReason.DATA_TYPE_ERROR.at(at("FT1", n, profile.positions(key)),
                    "Charge " + n + " has " + what + " '" + v + "' (" + list(key) + "): it must be a number of 0 or more."));
            return null;
        }
    }

    private static Segment segment(MessageView m, Segment current, FieldPosition p) {
        return current != null && current.getName().equals(p.segment()) ? current : m.first(p.segment());
    }

    private static String part(MessageView m, Type type, int component) {
        return type == null ? null : blankToNull(m.text(type, component, 0));
    }

    /** The field of the first position, with the repetition number of the current segment. */
    private static ErrorLocation at(String segment, int n, List<FieldPosition> positions) {
        FieldPosition p = positions.isEmpty() ? null : positions.get(0);
        if (p == null) {
            return ErrorLocation.segment(segment, n);
        }
        return ErrorLocation.field(p.segment(), p.segment().equals(segment) ? n : 1, p.field());
    }

    private static ErrorLocation location(MessageView m, Segment current, List<FieldPosition> positions) {
        return at(current == null ? (positions.isEmpty() ? "" : positions.get(0).segment()) : current.getName(), 1, positions);
    }

    private String list(ProfileKey key) {
        return String.join(" or ", profile.positions(key).stream().map(FieldPosition::toString).toList());
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
