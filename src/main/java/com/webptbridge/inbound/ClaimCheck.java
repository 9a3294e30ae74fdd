package com.webptbridge.inbound;

import ca.uhn.hl7v2.model.Segment;
import com.webptbridge.billing.Encounter;
import com.webptbridge.billing.Payer;
import com.webptbridge.billing.PayerClass;
import com.webptbridge.billing.Policy;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.mapping.FieldPosition;
import com.webptbridge.mapping.FieldValue;
import com.webptbridge.mapping.MappedEncounter;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.mapping.ProfileKey;
import com.webptbridge.readiness.ClaimRules;
import com.webptbridge.readiness.Finding;
import com.webptbridge.readiness.Visit;
import com.webptbridge.store.findings.ClaimFinding;
import com.webptbridge.store.findings.ClaimFindings;
import com.webptbridge.store.reference.ReferenceLookup;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claim readiness in the encounter step: gathers what the rules look at (the primary payer's
 * class, the treatment minutes where the profile places them, the day the message was sent, where
 * each diagnosis sits), runs the interface's {@link ClaimRules}, and turns the findings into the
 * rows stored with the encounter.
 */
public final class ClaimCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ClaimRules rules;
    private final ReferenceLookup references;
    private final ClaimFindings findings;

    public ClaimCheck(ClaimRules rules, ReferenceLookup references, ClaimFindings findings) {
        this.rules = rules;
        this.references = references;
        this.findings = findings;
    }

    ClaimFindings findings() {
        return findings;
    }

    List<Finding> check(InFlight m, MappedEncounter mapped, Encounter encounter, MappingProfile profile)
            throws SQLException {
        PayerClass payerClass = primary(encounter)
                .map(p -> PayerClass.ofRecord(p.payerClass(), p.planType()))
                .orElse(PayerClass.SELF_PAY);
        Visit visit = new Visit(mapped, encounter, payerClass, minutes(m, profile), sentOn(m), diagnoses(m, profile));
        return rules.check(visit, profile);
    }

    /** The stored form of the findings, with the encounter's provider, facility, payer and date for the filters. */
    List<ClaimFinding.New> rows(List<Finding> found, Encounter encounter) throws SQLException {
        if (found.isEmpty()) {
            return List.of();
        }
        Optional<Policy> policy = encounter.policies().stream().min(Comparator.comparingInt(Policy::priority));
        Optional<Payer> payer = primary(encounter);
        String payerClass = payer.map(
                        p -> PayerClass.ofRecord(p.payerClass(), p.planType()).id())
                .orElse(PayerClass.SELF_PAY.id());
        return found.stream()
                .map(f -> new ClaimFinding.New(
                        f.charge(),
                        f.procedureCode(),
                        f.rule().id(),
                        f.problem().location().display(),
                        f.problem().sentence(),
                        encounter.serviceDate(),
                        encounter.placement().renderingProvider(),
                        encounter.placement().facility(),
                        policy.map(Policy::payerSequence).orElse(null),
                        payerClass))
                .toList();
    }

    private Optional<Payer> primary(Encounter encounter) throws SQLException {
        Optional<Policy> policy = encounter.policies().stream().min(Comparator.comparingInt(Policy::priority));
        return policy.isEmpty()
                ? Optional.empty()
                : references.payer(policy.get().payerSequence());
    }

    /** Treatment minutes where the profile places them (a whole number), or null: the 8-minute rule is then inactive. */
    private static Integer minutes(InFlight m, MappingProfile profile) {
        for (FieldPosition p : profile.positions(ProfileKey.ENCOUNTER_TREATMENT_MINUTES)) {
            Segment s = m.view.first(p.segment());
            if (s == null) {
                continue;
            }
            if (m.view.value(s, p) instanceof FieldValue.Present present) {
                String v = present.value().trim();
                if (v.matches("\\d{1,4}")) {
                    return Integer.parseInt(v);
                }
            }
        }
        return null;
    }

    /** MSH-7's day: the rules judge a visit as of when WebPT sent it, so a reprocess next month finds the same. */
    private static LocalDate sentOn(InFlight m) {
        String t = m.header().component(7, 1);
        if (t.length() >= 8) {
            try {
                return LocalDate.parse(t.substring(0, 8), DAY);
            } catch (DateTimeParseException e) {
                // not a date: the day it was received
            }
        }
        return LocalDate.now();
    }

    /** Where each diagnosis code sits: its DG1's code field, e.g. DG1[2]-3. */
    private static Map<String, ErrorLocation> diagnoses(InFlight m, MappingProfile profile) {
        Map<String, ErrorLocation> at = new LinkedHashMap<>();
        List<FieldPosition> positions = profile.positions(ProfileKey.DIAGNOSIS_CODE);
        if (positions.isEmpty()) {
            return at;
        }
        FieldPosition p = positions.get(0);
        List<Segment> segments = m.view.all(p.segment());
        for (int i = 0; i < segments.size(); i++) {
            if (m.view.value(segments.get(i), p) instanceof FieldValue.Present present) {
                at.putIfAbsent(present.value().trim(), ErrorLocation.field(p.segment(), i + 1, p.field()));
            }
        }
        return at;
    }
}
