package com.webptbridge.inbound;

import com.webptbridge.billing.PatientInfo;
import com.webptbridge.hl7.Problem;
import com.webptbridge.mapping.FieldLimits;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.mapping.PatientInfoMapper;
import com.webptbridge.store.billing.PatientStore;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * ADT A04/A08/A28/A31: updates Patient Info and nothing else. Insurance and guarantor segments are
 * ignored (insurance changes only with a DFT^P03) and so are patient notes; the journal says so.
 */
public final class PatientInfoStep {

    private static final List<String> IGNORED = List.of("IN1", "IN2", "IN3", "GT1", "NTE");

    private final PatientInfoMapper mapper;
    private final FieldLimits limits;
    private final PatientStore patients;

    /** @param limits the billing fields' widths, for a dry run that tries another mapping profile */
    public PatientInfoStep(MappingProfile profile, FieldLimits limits, PatientStore patients) {
        this.mapper = new PatientInfoMapper(profile, limits);
        this.limits = limits;
        this.patients = patients;
    }

    public void map(InFlight m) throws SQLException {
        for (String segment : IGNORED) {
            int count = m.view.all(segment).size();
            if (count > 0) {
                m.notes.add(count + " " + segment + " segment(s) ignored: "
                        + (segment.equals("NTE")
                                ? "patient notes are not supported by the billing interface"
                                : "an ADT updates Patient Info only; insurance changes with a DFT^P03"));
            }
        }
        PatientInfoMapper use = m.profile() == null ? mapper : new PatientInfoMapper(m.profile(), limits);
        PatientInfo info = use.map(m.view, m.problems, m.notes);
        if (info == null) {
            return;
        }
        m.patientId = info.patientId();
        if (!m.problems.isEmpty()) {
            return;
        }
        // Only a message without a last name or date of birth costs the look-up.
        List<Problem> forNew = mapper.newPatientProblems(info);
        PatientStore patients = this.patients.in(m.sandbox);
        if (!forNew.isEmpty() && patients.find(info.patientId()).isEmpty()) {
            m.problems.addAll(forNew);
            return;
        }
        long journalId = m.journalId();
        m.change = new Change(c -> {
            List<String> notes = new ArrayList<>();
            patients.apply(c, info, journalId, notes);
            return notes;
        });
    }
}
