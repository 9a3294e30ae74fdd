package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Each FT1 to a {@link MappedCharge}: transaction ID, date of service, procedure code and modifiers,
 * units and amounts, and diagnosis pointers into the encounter's diagnosis list. Non-charge
 * transaction types are noted and skipped.
 */
final class ChargeMapper {

    private static final Set<String> CHARGE_TYPES = Set.of("", "CG");
    private final ProfileReader read;

    ChargeMapper(ProfileReader read) {
        this.read = read;
    }

    List<MappedCharge> map(MessageView m, Diagnoses diagnoses, List<Problem> problems, List<String> notes) {
        List<Segment> ft1s = m.all("FT1");
        if (ft1s.isEmpty()) {
            problems.add(NakReason.REQUIRED_FIELD_MISSING.at(
                    ErrorLocation.segment("FT1", 1),
                    "The encounter has no charges (no FT1 segment): a DFT^P03 must carry at least one charge."));
            return List.of();
        }
        List<MappedCharge> out = new ArrayList<>();
        int n = 0;
        for (Segment ft1 : ft1s) {
            n++;
            String type = read.text(m, ft1, ProfileKey.CHARGE_TYPE).toUpperCase(Locale.ROOT);
            if (!CHARGE_TYPES.contains(type)) {
                notes.add("FT1 " + n + " has transaction type " + type + ": only charges (CG) are posted; skipped.");
                continue;
            }
            String transactionId = read.text(m, ft1, ProfileKey.CHARGE_TRANSACTION_ID);
            if (transactionId.isEmpty()) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_TRANSACTION_ID)),
                        "Charge " + n + " has no transaction ID (" + read.list(ProfileKey.CHARGE_TRANSACTION_ID)
                                + "): it is what keeps a charge from being posted twice."));
            } else {
                read.fits(
                        "charge",
                        "transaction_id",
                        transactionId,
                        "FT1",
                        n,
                        ProfileKey.CHARGE_TRANSACTION_ID,
                        "transaction ID",
                        problems);
            }
            LocalDate serviceDate = read.date(m, ft1, n, ProfileKey.CHARGE_SERVICE_DATE, "date of service", problems);
            if (serviceDate == null
                    && read.text(m, ft1, ProfileKey.CHARGE_SERVICE_DATE).isEmpty()) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_SERVICE_DATE)),
                        "Charge " + n + " has no date of service (" + read.list(ProfileKey.CHARGE_SERVICE_DATE)
                                + ")."));
            }
            ProfileReader.Located code = read.firstValued(m, ft1, ProfileKey.CHARGE_PROCEDURE_CODE);
            if (code == null) {
                problems.add(NakReason.REQUIRED_FIELD_MISSING.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_PROCEDURE_CODE)),
                        "Charge " + n + " has no CPT/HCPCS code (" + read.list(ProfileKey.CHARGE_PROCEDURE_CODE)
                                + ")."));
            }
            List<String> modifiers = read.repetitions(m, ft1, ProfileKey.CHARGE_MODIFIERS);
            if (modifiers.size() > 4) {
                problems.add(NakReason.DATA_TYPE_ERROR.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_MODIFIERS)),
                        "Charge " + n + " has " + modifiers.size() + " modifiers; a charge takes at most 4."));
            }
            List<Integer> pointers = new ArrayList<>();
            int added = 0;
            for (String dx : read.repetitions(m, ft1, ProfileKey.CHARGE_DIAGNOSIS_POINTERS)) {
                Diagnoses.Pointer pointer = diagnoses.pointer(dx);
                if (pointer instanceof Diagnoses.Pointer.To to) {
                    pointers.add(to.position());
                    added += to.added() ? 1 : 0;
                } else if (pointer instanceof Diagnoses.Pointer.Unknown unknown) {
                    problems.add(NakReason.DATA_TYPE_ERROR.at(
                            read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_DIAGNOSIS_POINTERS)),
                            "Charge " + n + " " + unknown.why() + " (" + read.list(ProfileKey.CHARGE_DIAGNOSIS_POINTERS)
                                    + "): correct the charge's diagnoses in WebPT."));
                }
            }
            if (added > 0) {
                notes.add("Charge " + n + ": " + added + " diagnosis code(s) in "
                        + read.list(ProfileKey.CHARGE_DIAGNOSIS_POINTERS)
                        + " that no DG1 lists were added to the encounter's diagnoses.");
            }
            out.add(new MappedCharge(
                    transactionId,
                    serviceDate,
                    code == null
                            ? null
                            : new Keyed(
                                    code.text().toUpperCase(Locale.ROOT),
                                    read.at("FT1", n, List.of(code.position())),
                                    code.position()),
                    modifiers.stream()
                            .limit(4)
                            .map(s -> s.toUpperCase(Locale.ROOT))
                            .toList(),
                    read.decimal(m, ft1, n, ProfileKey.CHARGE_UNITS, "units", problems),
                    read.decimal(m, ft1, n, ProfileKey.CHARGE_AMOUNT, "amount", problems),
                    read.decimal(m, ft1, n, ProfileKey.CHARGE_UNIT_AMOUNT, "unit amount", problems),
                    read.blankToNull(read.text(m, ft1, ProfileKey.CHARGE_REVENUE_CODE)),
                    pointers));
        }
        return out;
    }
}
