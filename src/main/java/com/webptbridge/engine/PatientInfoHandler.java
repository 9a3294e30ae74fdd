package com.webptbridge.engine;

import com.webptbridge.mapping.MessageView;
import com.webptbridge.mapping.PatientInfo;
import com.webptbridge.mapping.PatientInfoMapper;
import com.webptbridge.store.PatientStore;

import java.util.List;

/**
 * ADT A04/A08/A28/A31: updates Patient Info and nothing else. Insurance and guarantor segments are
 * ignored (insurance changes only with a DFT^P03) and so are patient notes; the journal says so.
 */
final class PatientInfoHandler implements MessageHandler {

    private static final List<String> IGNORED = List.of("IN1", "IN2", "IN3", "GT1", "NTE");

    private final PatientInfoMapper mapper;
    private final PatientStore patients;

    PatientInfoHandler(PatientInfoMapper mapper, PatientStore patients) {
        this.mapper = mapper;
        this.patients = patients;
    }

    @Override
    public Change map(MessageView message, Findings findings) {
        for (String segment : IGNORED) {
            int count = message.all(segment).size();
            if (count > 0) {
                findings.notes.add(count + " " + segment + " segment(s) ignored: " + (segment.equals("NTE")
                        ? "patient notes are not supported by the billing interface"
                        : "an ADT updates Patient Info only; insurance changes with a DFT^P03"));
            }
        }
        PatientInfo info = mapper.map(message, findings.problems);
        if (info == null) {
            return null;
        }
        findings.patientId = info.patientId();
        if (!findings.problems.isEmpty()) {
            return null;
        }
        return c -> {
            List<String> notes = new java.util.ArrayList<>();
            patients.apply(c, info, findings.journalId, notes);
            return notes;
        };
    }
}
