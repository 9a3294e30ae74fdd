package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import com.webptbridge.billing.PatientInfo;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DFT^P03 to an {@link MappedEncounter}: Patient Info from PID, a policy per IN1, the visit from PV1, a
 * diagnosis list from DG1 and a charge line per FT1, at the profile's positions. Every problem is
 * collected; resolving payers, facilities, providers and codes against billing data happens later.
 */
public final class EncounterMapper {

    private final ProfileReader read;
    private final PatientInfoMapper patients;
    private final PolicyMapper policies;
    private final ChargeMapper charges;
    private final ProviderMapper providers;

    public EncounterMapper(MappingProfile profile) {
        this(profile, FieldLimits.NONE);
    }

    /** @param limits the billing fields' widths: a longer value is a problem at its field */
    public EncounterMapper(MappingProfile profile, FieldLimits limits) {
        this.read = new ProfileReader(profile, limits);
        this.patients = new PatientInfoMapper(profile, limits);
        this.policies = new PolicyMapper(read);
        this.charges = new ChargeMapper(read);
        this.providers = new ProviderMapper(read);
    }

    /** What keeps the encounter's patient from being created when it is new (see {@link PatientInfoMapper}). */
    public List<Problem> newPatientProblems(PatientInfo patient) {
        return patients.newPatientProblems(patient);
    }

    public MappedEncounter map(MessageView m, List<Problem> problems, List<String> notes) {
        PatientInfo patient = patients.map(m, problems, notes);
        List<MappedPolicy> policies = this.policies.map(m, patient, problems, notes);
        Diagnoses diagnoses = diagnoses(m);
        List<MappedCharge> charges = this.charges.map(m, diagnoses, problems, notes);

        Segment pv1 = m.first("PV1");
        String visitNumber = read.text(m, pv1, ProfileKey.ENCOUNTER_VISIT_NUMBER);
        read.fits(
                "encounter",
                "visit_number",
                visitNumber,
                "PV1",
                1,
                ProfileKey.ENCOUNTER_VISIT_NUMBER,
                "visit number",
                problems);
        ProfileReader.Located facility = read.firstValued(m, null, ProfileKey.ENCOUNTER_FACILITY);
        Keyed facilityKey = null;
        if (facility == null) {
            problems.add(Sentence.NO_FACILITY.at(
                    read.location(m, null, read.profile().positions(ProfileKey.ENCOUNTER_FACILITY)),
                    read.list(ProfileKey.ENCOUNTER_FACILITY)));
        } else {
            facilityKey = new Keyed(facility.text(), facility.at(), facility.position());
        }
        ProviderKey rendering = providers.map(m, ProfileKey.ENCOUNTER_RENDERING_PROVIDER, true, problems);
        ProviderKey referring = providers.map(m, ProfileKey.ENCOUNTER_REFERRING_PROVIDER, false, problems);
        LocalDate serviceDate = charges.stream()
                .map(MappedCharge::serviceDate)
                .filter(d -> d != null)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (patient == null) {
            return null;
        }
        return new MappedEncounter(
                patient,
                policies,
                visitNumber.isEmpty() ? null : visitNumber,
                serviceDate,
                facilityKey,
                rendering,
                referring,
                diagnoses.codes(),
                charges);
    }

    /** DG1 codes ordered by priority (DG1-15), then set ID (DG1-1), then as sent; duplicates once. */
    private Diagnoses diagnoses(MessageView m) {
        record Dx(String code, int priority, int setId, int order) {}
        List<Dx> found = new ArrayList<>();
        int order = 0;
        for (Segment dg1 : m.all("DG1")) {
            String code = read.text(m, dg1, ProfileKey.DIAGNOSIS_CODE);
            if (!code.isEmpty()) {
                found.add(new Dx(
                        code.toUpperCase(Locale.ROOT),
                        read.number(read.text(m, dg1, ProfileKey.DIAGNOSIS_PRIORITY)),
                        read.number(read.text(m, dg1, ProfileKey.DIAGNOSIS_SET_ID)),
                        order++));
            }
        }
        found.sort(Comparator.comparingInt(Dx::priority)
                .thenComparingInt(Dx::setId)
                .thenComparingInt(Dx::order));
        Map<Integer, String> bySetId = new HashMap<>();
        found.forEach(dx -> bySetId.putIfAbsent(dx.setId(), dx.code()));
        return new Diagnoses(
                found.stream().map(Dx::code).distinct().toList(),
                bySetId,
                read.profile().diagnosisReading());
    }
}
