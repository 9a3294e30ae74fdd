package com.webptbridge.engine;

import com.webptbridge.hl7.NakReason;
import com.webptbridge.mapping.ChargeLine;
import com.webptbridge.mapping.Encounter;
import com.webptbridge.mapping.EncounterMapper;
import com.webptbridge.mapping.Keyed;
import com.webptbridge.mapping.MessageView;
import com.webptbridge.mapping.Policy;
import com.webptbridge.mapping.ProviderKey;
import com.webptbridge.reference.Facility;
import com.webptbridge.reference.Npi;
import com.webptbridge.reference.ProcedureCode;
import com.webptbridge.reference.Provider;
import com.webptbridge.reference.ReferenceStore;
import com.webptbridge.reference.ReferringProvider;
import com.webptbridge.store.EncounterStore;
import com.webptbridge.store.PatientStore;
import com.webptbridge.store.Placement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DFT^P03: the only message that changes Insurance/Insured, and the one that posts charges. Every
 * payer, facility, provider and code is resolved against billing reference data before anything is
 * written; any miss makes the whole message an AE that says what to add, and nothing is applied.
 */
final class EncounterHandler implements MessageHandler {

    private static final String DEFAULT_PLACE_OF_SERVICE = "11";

    private final EncounterMapper mapper;
    private final ReferenceStore references;
    private final PatientStore patients;
    private final EncounterStore encounters;

    EncounterHandler(EncounterMapper mapper, ReferenceStore references, PatientStore patients, EncounterStore encounters) {
        this.mapper = mapper;
        this.references = references;
        this.patients = patients;
        this.encounters = encounters;
    }

    @Override
    public Change map(MessageView message, Findings findings) {
        Encounter encounter = mapper.map(message, findings.problems, findings.notes);
        if (encounter == null) {
            return null;
        }
        findings.patientId = encounter.patient().patientId();
        try {
            resolvePayers(encounter, findings);
            Facility facility = facility(encounter.facility(), findings);
            Long renderingSeq = rendering(encounter.renderingProvider(), findings);
            Long referringSeq = referring(encounter.referringProvider(), findings);
            List<ChargeLine> charges = charges(encounter, findings);
            if (!findings.problems.isEmpty()) {
                return null;
            }
            Encounter resolved = encounter.withCharges(charges);
            Placement placement = new Placement(facility.sequenceNumber(), renderingSeq, referringSeq,
                    facility.placeOfService() != null ? facility.placeOfService() : DEFAULT_PLACE_OF_SERVICE);
            return c -> {
                List<String> notes = new ArrayList<>();
                long patientRef = patients.apply(c, resolved.patient(), findings.journalId, notes);
                notes.addAll(encounters.apply(c, patientRef, resolved, placement, findings.sendingFacility,
                        findings.journalId));
                return notes;
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Reference data could not be read", e);
        }
    }

    private void resolvePayers(Encounter encounter, Findings findings) throws SQLException {
        for (Policy p : encounter.policies()) {
            if (p.payer() == null) {
                continue;
            }
            Optional<Long> seq = sequence(p.payer(), findings, "Payer");
            if (seq.isPresent() && references.payer(seq.get()).isEmpty()) {
                findings.problems.add(NakReason.UNKNOWN_KEY.at(p.payer().at(), "Payer Alternate ID " + p.payer().value()
                        + " (" + p.payer().position().wholeField() + ") is not a billing payer Sequence Number: add the"
                        + " payer in the billing system and copy its Sequence Number into WebPT's Alternate ID.")
                        .waitingFor(WaitingKinds.PAYER, String.valueOf(seq.get())));
            }
        }
    }

    /** An Alternate ID as a sequence number; a non-number is reported here. */
    private static Optional<Long> sequence(Keyed key, Findings findings, String what) {
        if (isNumber(key.value())) {
            return Optional.of(Long.parseLong(key.value()));
        }
        findings.problems.add(NakReason.UNKNOWN_KEY.at(key.at(), what + " Alternate ID '" + key.value() + "' ("
                + key.position().wholeField() + ") is not a billing Sequence Number (a number): enter the billing"
                + " Sequence Number as the Alternate ID in WebPT."));
        return Optional.empty();
    }

    private Facility facility(Keyed key, Findings findings) throws SQLException {
        if (key == null) {
            return null; // the mapper reported it missing
        }
        Optional<Long> seq = sequence(key, findings, "Facility");
        Optional<Facility> facility = seq.isPresent() ? references.facility(seq.get()) : Optional.empty();
        if (seq.isPresent() && facility.isEmpty()) {
            findings.problems.add(NakReason.UNKNOWN_KEY.at(key.at(), "Facility Alternate ID " + key.value() + " ("
                    + key.position().wholeField() + ") is not a billing facility Sequence Number: add the facility in"
                    + " the billing system and enter its Sequence Number as the facility's Alternate ID in WebPT.")
                    .waitingFor(WaitingKinds.FACILITY, String.valueOf(seq.get())));
        }
        return facility.orElse(null);
    }

    private Long rendering(ProviderKey key, Findings findings) throws SQLException {
        if (key == null || key.alternateId() == null || key.npi() == null) {
            return null; // the mapper reported what is missing
        }
        String where = key.position().wholeField().toString();
        if (!Npi.valid(key.npi())) {
            findings.problems.add(NakReason.DATA_TYPE_ERROR.at(key.at(), "The rendering provider's NPI " + key.npi()
                    + " (" + where + ") is not a valid NPI (10 digits with a correct check digit): correct it in WebPT."));
            return null;
        }
        if (!isNumber(key.alternateId())) {
            findings.problems.add(NakReason.UNKNOWN_KEY.at(key.at(), "Rendering provider Alternate ID '"
                    + key.alternateId() + "' (" + where + ") is not a billing Sequence Number (a number): enter the"
                    + " provider's billing Sequence Number as the Alternate ID in WebPT."));
            return null;
        }
        Optional<Provider> provider = references.provider(Long.parseLong(key.alternateId()));
        if (provider.isEmpty()) {
            findings.problems.add(NakReason.UNKNOWN_KEY.at(key.at(), "Rendering provider Alternate ID "
                    + key.alternateId() + " (" + where + ") is not a billing provider Sequence Number: add the provider"
                    + " in the billing system (with the same NPI as in WebPT) and enter its Sequence Number as the"
                    + " provider's Alternate ID in WebPT.").waitingFor(WaitingKinds.PROVIDER, key.alternateId()));
            return null;
        }
        if (!provider.get().npi().equals(key.npi())) {
            findings.problems.add(NakReason.UNKNOWN_KEY.at(key.at(), "Rendering provider " + key.alternateId()
                    + " has NPI " + key.npi() + " in WebPT (" + where + ") but NPI " + provider.get().npi()
                    + " in the billing system: correct the NPI so that both systems match.")
                    .waitingFor(WaitingKinds.NPI_MISMATCH, key.alternateId()));
            return null;
        }
        return provider.get().sequenceNumber();
    }

    private Long referring(ProviderKey key, Findings findings) throws SQLException {
        if (key == null || key.npi() == null) {
            return null;
        }
        String where = key.position().wholeField().toString();
        if (!Npi.valid(key.npi())) {
            findings.problems.add(NakReason.DATA_TYPE_ERROR.at(key.at(), "The referring provider's NPI " + key.npi()
                    + " (" + where + ") is not a valid NPI (10 digits with a correct check digit): correct it in WebPT."));
            return null;
        }
        Optional<ReferringProvider> referring = references.referringByNpi(key.npi());
        if (referring.isEmpty()) {
            findings.problems.add(NakReason.UNKNOWN_KEY.at(key.at(), "Referring provider NPI " + key.npi() + " ("
                    + where + ") is not in the billing system: add the referring provider with this NPI.")
                    .waitingFor(WaitingKinds.REFERRING_PROVIDER, key.npi()));
            return null;
        }
        return referring.get().sequenceNumber();
    }

    /** Each charge with its code checked and units, amount and revenue code defaulted from it. */
    private List<ChargeLine> charges(Encounter encounter, Findings findings) throws SQLException {
        List<ChargeLine> out = new ArrayList<>();
        for (ChargeLine line : encounter.charges()) {
            if (line.procedureCode() == null) {
                continue;
            }
            Optional<ProcedureCode> code = references.procedureCode(line.procedureCode().value());
            if (code.isEmpty()) {
                findings.problems.add(NakReason.UNKNOWN_KEY.at(line.procedureCode().at(), "Procedure code "
                        + line.procedureCode().value() + " (" + line.procedureCode().at().display() + ") is not in the"
                        + " billing system: add the CPT/HCPCS code in the billing system.")
                        .waitingFor(WaitingKinds.PROCEDURE_CODE, line.procedureCode().value()));
                continue;
            }
            ProcedureCode pc = code.get();
            BigDecimal units = line.units() != null ? line.units()
                    : BigDecimal.valueOf(pc.defaultUnits() == null ? 1 : pc.defaultUnits());
            BigDecimal amount = line.amount() != null ? line.amount()
                    : line.unitAmount() != null ? line.unitAmount().multiply(units)
                    : pc.defaultCharge() != null ? pc.defaultCharge().multiply(units) : BigDecimal.ZERO;
            String revenue = line.revenueCode() != null ? line.revenueCode() : pc.defaultRevenueCode();
            out.add(line.withDefaults(units, amount.setScale(2, RoundingMode.HALF_UP), revenue));
        }
        return out;
    }

    private static boolean isNumber(String s) {
        return s != null && s.matches("\\d{1,18}");
    }
}
