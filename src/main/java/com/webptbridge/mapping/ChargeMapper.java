package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import com.webptbridge.billing.ProcedureCode;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each FT1 to a {@link MappedCharge}: transaction ID, date of service, procedure code and modifiers,
 * units and amounts, and diagnosis pointers into the encounter's diagnosis list. Credits, payments
 * and adjustments (table 0017) are noted and skipped; a type outside table 0017 is a problem at its
 * FT1-6, since skipping it could lose a charge without a word, and so is a message that would post
 * no charge at all. Two charges with one transaction ID are refused here, before the database's
 * unique key would refuse them.
 */
final class ChargeMapper {

    /** Table 0017's transaction types; an empty type is a charge. */
    private static final Map<String, String> NOT_CHARGES =
            Map.of("CD", "a credit", "PY", "a payment", "AJ", "an adjustment", "CO", "a co-payment");

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
        Map<Integer, String> skipped = new LinkedHashMap<>(); // FT1 number -> what it is
        Map<String, Integer> transactionIds = new HashMap<>(); // transaction ID -> first FT1 with it
        boolean unknownType = false;
        int n = 0;
        for (Segment ft1 : ft1s) {
            n++;
            String type = read.text(m, ft1, ProfileKey.CHARGE_TYPE).toUpperCase(Locale.ROOT);
            if (NOT_CHARGES.containsKey(type)) {
                notes.add("FT1 " + n + " has transaction type " + type + ": only charges (CG) are posted; skipped.");
                skipped.put(n, NOT_CHARGES.get(type) + " (" + type + ")");
                continue;
            }
            if (!type.isEmpty() && !type.equals("CG")) {
                unknownType = true;
                problems.add(Sentence.UNKNOWN_CHARGE_TYPE.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_TYPE)),
                        n,
                        type,
                        read.list(ProfileKey.CHARGE_TYPE)));
                continue;
            }
            String transactionId = read.text(m, ft1, ProfileKey.CHARGE_TRANSACTION_ID);
            Integer first = transactionId.isEmpty() ? null : transactionIds.putIfAbsent(transactionId, n);
            if (first != null) {
                problems.add(Sentence.REPEATED_TRANSACTION_ID.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_TRANSACTION_ID)),
                        n,
                        transactionId,
                        read.list(ProfileKey.CHARGE_TRANSACTION_ID),
                        first));
            }
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
            } else if (!ProcedureCode.wellFormed(code.text())) {
                problems.add(Sentence.NOT_A_CPT_CODE.at(
                        read.at("FT1", n, List.of(code.position())), n, code.text(), code.position()));
                code = null;
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
                    amount(m, ft1, n, ProfileKey.CHARGE_AMOUNT, "amount", problems, notes),
                    amount(m, ft1, n, ProfileKey.CHARGE_UNIT_AMOUNT, "unit amount", problems, notes),
                    read.blankToNull(read.text(m, ft1, ProfileKey.CHARGE_REVENUE_CODE)),
                    pointers));
        }
        if (out.isEmpty() && !unknownType) {
            // Credits and payments alone: an AA would tell WebPT the visit was billed when nothing was.
            skipped.forEach((ft1, what) -> problems.add(Sentence.NOTHING_TO_POST.at(
                    read.at("FT1", ft1, read.profile().positions(ProfileKey.CHARGE_TYPE)), ft1, what)));
        }
        return out;
    }

    /**
     * An amount as the charge gives it; 0 is "no amount" (a charge is never billed at 0.00), so the
     * code's default charge applies, or the charge is refused when the code has none.
     */
    private BigDecimal amount(
            MessageView m,
            Segment ft1,
            int n,
            ProfileKey key,
            String what,
            List<Problem> problems,
            List<String> notes) {
        BigDecimal amount = read.decimal(m, ft1, n, key, what, problems);
        if (amount != null && amount.signum() == 0) {
            notes.add("Charge " + n + ": " + what + " 0 (" + read.list(key) + ") read as no " + what + ".");
            return null;
        }
        return amount;
    }
}
