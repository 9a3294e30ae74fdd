package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import com.webptbridge.billing.ProcedureCode;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;

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
            problems.add(NakReason.REQUIRED_FIELD_MISSING.at(
                    ErrorLocation.segment("FT1", 1),
                    "The encounter has no charges (no FT1 segment): a DFT^P03 must carry at least one charge."));
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
                problems.add(NakReason.TABLE_VALUE_NOT_FOUND.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_TYPE)),
                        "FT1 " + n + " has transaction type '" + type + "' (" + read.list(ProfileKey.CHARGE_TYPE)
                                + "), which is not in HL7 table 0017: send CG for a charge (CD credit, PY"
                                + " payment, AJ adjustment and CO co-payment are not posted). Correct the"
                                + " charge's type in WebPT's charge setup."));
                continue;
            }
            String transactionId = read.text(m, ft1, ProfileKey.CHARGE_TRANSACTION_ID);
            Integer first = transactionId.isEmpty() ? null : transactionIds.putIfAbsent(transactionId, n);
            if (first != null) {
                problems.add(NakReason.DATA_TYPE_ERROR.at(
                        read.at("FT1", n, read.profile().positions(ProfileKey.CHARGE_TRANSACTION_ID)),
                        "Charge " + n + " has transaction ID " + transactionId + " ("
                                + read.list(ProfileKey.CHARGE_TRANSACTION_ID) + "), the same as charge " + first
                                + ": each charge needs its own transaction ID, since a charge is posted once per"
                                + " transaction ID. Correct the charges in WebPT and send the visit again."));
            }
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
            } else if (!ProcedureCode.wellFormed(code.text())) {
                problems.add(NakReason.TABLE_VALUE_NOT_FOUND.at(
                        read.at("FT1", n, List.of(code.position())),
                        "Charge " + n + " has code '" + code.text() + "' (" + code.position()
                                + "), which is not a CPT/HCPCS code (5 letters or digits, e.g. 97110) and cannot be"
                                + " added to the billing system: correct the charge's CPT/HCPCS code in WebPT's"
                                + " charge setup and send the visit again."));
                code = null;
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
                    amount(m, ft1, n, ProfileKey.CHARGE_AMOUNT, "amount", problems, notes),
                    amount(m, ft1, n, ProfileKey.CHARGE_UNIT_AMOUNT, "unit amount", problems, notes),
                    read.blankToNull(read.text(m, ft1, ProfileKey.CHARGE_REVENUE_CODE)),
                    pointers));
        }
        if (out.isEmpty() && !unknownType) {
            // Credits and payments alone: an AA would tell WebPT the visit was billed when nothing was.
            skipped.forEach((ft1, what) -> problems.add(NakReason.REQUIRED_FIELD_MISSING.at(
                    read.at("FT1", ft1, read.profile().positions(ProfileKey.CHARGE_TYPE)),
                    "FT1 " + ft1 + " is " + what + ", which the billing interface does not post, and the message"
                            + " has no charge (CG): it would post nothing. Send the visit's charges.")));
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
