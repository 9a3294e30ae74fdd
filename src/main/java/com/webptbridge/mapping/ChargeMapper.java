package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;

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
            problems.add(Sentence.NO_CHARGES.at(ErrorLocation.segment("FT1", 1)));
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
                problems.add(Sentence.NO_TRANSACTION_ID.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_TRANSACTION_ID)),
                        n,
                        read.list(ProfileKey.CHARGE_TRANSACTION_ID)));
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
                problems.add(Sentence.NO_SERVICE_DATE.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_SERVICE_DATE)),
                        n,
                        read.list(ProfileKey.CHARGE_SERVICE_DATE)));
            }
            ProfileReader.Located code = read.firstValued(m, ft1, ProfileKey.CHARGE_PROCEDURE_CODE);
            if (code == null) {
                problems.add(Sentence.NO_PROCEDURE_CODE.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_PROCEDURE_CODE)),
                        n,
                        read.list(ProfileKey.CHARGE_PROCEDURE_CODE)));
            }
            List<String> modifiers = read.repetitions(m, ft1, ProfileKey.CHARGE_MODIFIERS);
            if (modifiers.size() > 4) {
                problems.add(Sentence.TOO_MANY_MODIFIERS.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_MODIFIERS)), n, modifiers.size()));
            }
            List<Integer> pointers = new ArrayList<>();
            int added = 0;
            for (String dx : read.repetitions(m, ft1, ProfileKey.CHARGE_DIAGNOSIS_POINTERS)) {
                Diagnoses.Pointer pointer = diagnoses.pointer(dx);
                if (pointer instanceof Diagnoses.Pointer.To to) {
                    pointers.add(to.position());
                    added += to.added() ? 1 : 0;
                } else if (pointer instanceof Diagnoses.Pointer.Unknown unknown) {
                    problems.add(unknown.why()
                            .at(
                                    read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_DIAGNOSIS_POINTERS)),
                                    n,
                                    unknown.value(),
                                    read.list(ProfileKey.CHARGE_DIAGNOSIS_POINTERS)));
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
