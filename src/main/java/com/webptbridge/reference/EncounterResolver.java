package com.webptbridge.reference;

import com.webptbridge.billing.ChargeLine;
import com.webptbridge.billing.Encounter;
import com.webptbridge.billing.Facility;
import com.webptbridge.billing.Payer;
import com.webptbridge.billing.Placement;
import com.webptbridge.billing.Policy;
import com.webptbridge.billing.ProcedureCode;
import com.webptbridge.billing.Provider;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.ReferringProvider;
import com.webptbridge.billing.WaitingKind;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.ReferenceSentences;
import com.webptbridge.hl7.Sentence;
import com.webptbridge.mapping.Keyed;
import com.webptbridge.mapping.MappedCharge;
import com.webptbridge.mapping.MappedEncounter;
import com.webptbridge.mapping.MappedPolicy;
import com.webptbridge.mapping.ProviderKey;
import com.webptbridge.store.reference.ReferenceLookup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mapped encounter to a resolved one: every payer, facility, provider, referring provider and
 * procedure code found in billing reference data (by Alternate ID = Sequence Number, by NPI, by
 * code), charge defaults applied from the code. Every miss is a problem that says what to add and
 * names what the message waits for (a record that exists but is inactive is told apart from a
 * missing one, since adding it again would be refused); a charge that would post at 0.00 is refused;
 * with any problem there is no resolved encounter.
 */
public final class EncounterResolver {

    private static final String DEFAULT_PLACE_OF_SERVICE = "11";

    private final ReferenceLookup references;

    public EncounterResolver(ReferenceLookup references) {
        this.references = references;
    }

    /** The resolved encounter, or null when {@code problems} (added to) says why there is none. */
    public Encounter resolve(MappedEncounter mapped, List<Problem> problems) throws SQLException {
        List<Policy> policies = policies(mapped, problems);
        Facility facility = facility(mapped.facility(), problems);
        Long renderingSeq = rendering(mapped.renderingProvider(), problems);
        Long referringSeq = referring(mapped.referringProvider(), problems);
        List<ChargeLine> charges = charges(mapped, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        Placement placement = new Placement(
                facility.sequenceNumber(),
                renderingSeq,
                referringSeq,
                facility.placeOfService() != null ? facility.placeOfService() : DEFAULT_PLACE_OF_SERVICE);
        return new Encounter(
                mapped.patient(),
                policies,
                mapped.visitNumber(),
                mapped.serviceDate(),
                placement,
                mapped.diagnoses(),
                charges);
    }

    private List<Policy> policies(MappedEncounter encounter, List<Problem> problems) throws SQLException {
        List<Policy> out = new ArrayList<>();
        for (MappedPolicy p : encounter.policies()) {
            if (p.payer() == null) {
                continue; // the mapper reported it missing
            }
            Optional<Long> seq = sequence(p.payer(), problems, "Payer");
            if (seq.isEmpty()) {
                continue;
            }
            Optional<Payer> payer = references.payer(seq.get());
            String where = p.payer().position().wholeField().toString();
            if (payer.isEmpty() || !payer.get().active()) {
                problems.add((payer.isEmpty()
                                ? unknown(ReferenceKind.PAYER, p.payer(), where)
                                : inactive(ReferenceKind.PAYER, p.payer(), where, seq.get()))
                        .waitingFor(WaitingKind.PAYER, String.valueOf(seq.get())));
                continue;
            }
            out.add(new Policy(p.priority(), seq.get(), p.coverage()));
        }
        return out;
    }

    /** An Alternate ID as a sequence number; a non-number is reported here. */
    private static Optional<Long> sequence(Keyed key, List<Problem> problems, String what) {
        if (isNumber(key.value())) {
            return Optional.of(Long.parseLong(key.value()));
        }
        problems.add(Sentence.NOT_A_SEQUENCE_NUMBER.at(
                key.at(), what, key.value(), key.position().wholeField()));
        return Optional.empty();
    }

    private Facility facility(Keyed key, List<Problem> problems) throws SQLException {
        if (key == null) {
            return null; // the mapper reported it missing
        }
        Optional<Long> seq = sequence(key, problems, "Facility");
        Optional<Facility> facility = seq.isPresent() ? references.facility(seq.get()) : Optional.empty();
        String where = key.position().wholeField().toString();
        if (seq.isPresent() && (facility.isEmpty() || !facility.get().active())) {
            problems.add((facility.isEmpty()
                            ? unknown(ReferenceKind.FACILITY, key, where)
                            : inactive(ReferenceKind.FACILITY, key, where, seq.get()))
                    .waitingFor(WaitingKind.FACILITY, String.valueOf(seq.get())));
            return null;
        }
        return facility.orElse(null);
    }

    private Long rendering(ProviderKey key, List<Problem> problems) throws SQLException {
        if (key == null || key.npi() == null) {
            return null; // the mapper reported what is missing
        }
        String where = key.position().wholeField().toString();
        if (!Npi.valid(key.npi())) {
            problems.add(invalidNpi("rendering", key, where)); // even without an Alternate ID: both need fixing
            return null;
        }
        if (key.alternateId() == null) {
            return null; // the mapper reported it missing
        }
        if (!isNumber(key.alternateId())) {
            problems.add(Sentence.PROVIDER_NOT_A_SEQUENCE_NUMBER.at(key.at(), key.alternateId(), where));
            return null;
        }
        Optional<Provider> provider = references.provider(Long.parseLong(key.alternateId()));
        if (provider.isEmpty()) {
            problems.add(ReferenceSentences.unknown(ReferenceKind.PROVIDER, key.at(), key.alternateId(), where)
                    .waitingFor(WaitingKind.PROVIDER, key.alternateId()));
            return null;
        }
        if (!provider.get().active()) {
            problems.add(ReferenceSentences.inactive(
                            ReferenceKind.PROVIDER,
                            key.at(),
                            key.alternateId(),
                            where,
                            String.valueOf(provider.get().sequenceNumber()))
                    .waitingFor(WaitingKind.PROVIDER, key.alternateId()));
            return null;
        }
        if (!provider.get().npi().equals(key.npi())) {
            problems.add(Sentence.NPI_MISMATCH
                    .at(
                            key.at(),
                            key.alternateId(),
                            key.npi(),
                            where,
                            provider.get().npi())
                    .waitingFor(WaitingKind.NPI_MISMATCH, key.alternateId()));
            return null;
        }
        return provider.get().sequenceNumber();
    }

    private Long referring(ProviderKey key, List<Problem> problems) throws SQLException {
        if (key == null || key.npi() == null) {
            return null;
        }
        String where = key.position().wholeField().toString();
        if (!Npi.valid(key.npi())) {
            problems.add(invalidNpi("referring", key, where));
            return null;
        }
        Optional<ReferringProvider> referring = references.referringByNpi(key.npi());
        if (referring.isEmpty()) {
            problems.add(ReferenceSentences.unknown(ReferenceKind.REFERRING_PROVIDER, key.at(), key.npi(), where)
                    .waitingFor(WaitingKind.REFERRING_PROVIDER, key.npi()));
            return null;
        }
        if (!referring.get().active()) {
            problems.add(ReferenceSentences.inactive(
                            ReferenceKind.REFERRING_PROVIDER,
                            key.at(),
                            key.npi(),
                            where,
                            String.valueOf(referring.get().sequenceNumber()))
                    .waitingFor(WaitingKind.REFERRING_PROVIDER, key.npi()));
            return null;
        }
        return referring.get().sequenceNumber();
    }

    /** Each charge with its code checked and units, amount and revenue code defaulted from it. */
    private List<ChargeLine> charges(MappedEncounter encounter, List<Problem> problems) throws SQLException {
        List<ChargeLine> out = new ArrayList<>();
        for (MappedCharge line : encounter.charges()) {
            if (line.procedureCode() == null) {
                continue; // the mapper reported it missing
            }
            Keyed key = line.procedureCode();
            Optional<ProcedureCode> code = references.procedureCode(key.value());
            if (code.isEmpty() || !code.get().active()) {
                problems.add((code.isEmpty()
                                ? unknown(
                                        ReferenceKind.PROCEDURE_CODE,
                                        key,
                                        key.at().display())
                                : ReferenceSentences.inactive(
                                        ReferenceKind.PROCEDURE_CODE,
                                        key.at(),
                                        key.value(),
                                        key.at().display(),
                                        code.get().code()))
                        .waitingFor(WaitingKind.PROCEDURE_CODE, key.value()));
                continue;
            }
            ProcedureCode pc = code.get();
            if (line.amount() == null && line.unitAmount() == null && pc.defaultCharge() == null) {
                // Posting 0.00 would bill nothing without anyone noticing.
                int n = key.at().sequence();
                problems.add(Sentence.NO_AMOUNT.at(ErrorLocation.field("FT1", n, 11), n, pc.code()));
                continue;
            }
            BigDecimal units = line.units() != null
                    ? line.units()
                    : BigDecimal.valueOf(pc.defaultUnits() == null ? 1 : pc.defaultUnits());
            BigDecimal amount = line.amount() != null
                    ? line.amount()
                    : line.unitAmount() != null
                            ? line.unitAmount().multiply(units)
                            : pc.defaultCharge().multiply(units);
            String revenue = line.revenueCode() != null ? line.revenueCode() : pc.defaultRevenueCode();
            out.add(new ChargeLine(
                    line.transactionId(),
                    line.serviceDate(),
                    key.value(),
                    line.modifiers(),
                    units,
                    amount.setScale(2, RoundingMode.HALF_UP),
                    revenue,
                    line.diagnosisPointers()));
        }
        return out;
    }

    private static Problem unknown(ReferenceKind kind, Keyed key, String where) {
        return ReferenceSentences.unknown(kind, key.at(), key.value(), where);
    }

    private static Problem inactive(ReferenceKind kind, Keyed key, String where, long sequenceNumber) {
        return ReferenceSentences.inactive(kind, key.at(), key.value(), where, String.valueOf(sequenceNumber));
    }

    private static Problem invalidNpi(String which, ProviderKey key, String where) {
        return Sentence.INVALID_NPI.at(key.at(), which, key.npi(), where);
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
