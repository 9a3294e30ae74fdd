package com.webptbridge.inbound;

import com.webptbridge.billing.Encounter;
import com.webptbridge.hl7.Problem;
import com.webptbridge.mapping.EncounterMapper;
import com.webptbridge.mapping.FieldLimits;
import com.webptbridge.mapping.MappedEncounter;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.reference.EncounterResolver;
import com.webptbridge.store.billing.EncounterStore;
import com.webptbridge.store.billing.PatientStore;
import com.webptbridge.store.findings.ClaimFinding;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DFT^P03: the only message that changes Insurance/Insured, and the one that posts charges. The
 * message is mapped (keys and HL7 locations), then resolved against billing reference data
 * (Sequence Numbers, defaults); any problem in either makes the whole message an AE and nothing is
 * applied. A resolved encounter is then checked by the claim-readiness rules ({@link ClaimCheck}):
 * their findings are warnings, answered in the AA and stored with the encounter in its transaction.
 */
public final class EncounterStep {

    private final EncounterMapper mapper;
    private final MappingProfile profile;
    private final FieldLimits limits;
    private final EncounterResolver resolver;
    private final PatientStore patients;
    private final EncounterStore encounters;
    private final ClaimCheck readiness;

    /** An encounter step whose encounters no claim-readiness rule checks. */
    public EncounterStep(
            MappingProfile profile,
            FieldLimits limits,
            EncounterResolver resolver,
            PatientStore patients,
            EncounterStore encounters) {
        this(profile, limits, resolver, patients, encounters, null);
    }

    /** @param limits the billing fields' widths, for a dry run that tries another mapping profile */
    public EncounterStep(
            MappingProfile profile,
            FieldLimits limits,
            EncounterResolver resolver,
            PatientStore patients,
            EncounterStore encounters,
            ClaimCheck readiness) {
        this.mapper = new EncounterMapper(profile, limits);
        this.readiness = readiness;
        this.profile = profile;
        this.limits = limits;
        this.resolver = resolver;
        this.patients = patients;
        this.encounters = encounters;
    }

    public void map(InFlight m) throws SQLException {
        EncounterMapper use = m.profile() == null ? mapper : new EncounterMapper(m.profile(), limits);
        MappedEncounter mapped = use.map(m.view, m.problems, m.notes);
        if (mapped == null) {
            return;
        }
        m.patientId = mapped.patient().patientId();
        // Only a message without a last name or date of birth costs the look-up.
        List<Problem> forNew = mapper.newPatientProblems(mapped.patient());
        PatientStore patients = this.patients.in(m.sandbox);
        EncounterStore encounters = this.encounters.in(m.sandbox);
        if (!forNew.isEmpty() && patients.find(m.patientId).isEmpty()) {
            m.problems.addAll(forNew);
        }
        Encounter encounter = resolver.resolve(mapped, m.problems);
        if (encounter == null || !m.problems.isEmpty()) {
            return;
        }
        long journalId = m.journalId();
        String sendingFacility = m.header().sendingFacility();
        // Resolved one for one: with no problem, every mapped charge became the charge at its place.
        List<Integer> chargeSegments = mapped.charges().stream()
                .map(charge -> charge.procedureCode().at().sequence())
                .toList();
        if (readiness != null) {
            m.findings.addAll(readiness.check(m, mapped, encounter, m.profile() == null ? profile : m.profile()));
        }
        List<ClaimFinding.New> found = readiness == null ? List.of() : readiness.rows(m.findings, encounter);
        boolean sandbox = m.sandbox;
        m.change = new Change(
                c -> {
                    List<String> notes = new ArrayList<>();
                    long patientRef = patients.apply(c, encounter.patient(), journalId, notes);
                    notes.addAll(encounters.apply(c, patientRef, encounter, sendingFacility, journalId));
                    if (!found.isEmpty()) {
                        int stored = readiness.findings().record(c, sandbox, journalId, encounter.visitNumber(), found);
                        if (stored > 0) {
                            notes.add(stored + " claim-readiness finding(s) for review: "
                                    + found.stream()
                                            .map(f -> f.rule())
                                            .distinct()
                                            .collect(Collectors.joining(", ")));
                        }
                    }
                    return notes;
                },
                chargeSegments);
    }
}
