package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import com.webptbridge.billing.PatientField;
import com.webptbridge.billing.PatientInfo;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PID to billing Patient Info, by the profile's positions. Collects every problem (missing patient
 * ID, a date that is not a date, a sex outside table 0001, an SSN that is not nine digits) instead of
 * stopping at the first.
 */
public final class PatientInfoMapper {

    private static final Set<String> SEX_TABLE_0001 = Set.of("M", "F", "O", "U", "A", "N");
    /** SSNs WebPT and other senders write for "no SSN". */
    private static final Set<String> NO_SSN =
            Set.of("99999999", "999999999", "999-99-9999", "000000000", "000-00-0000");
    /** Everyday words senders put in XTN.2 instead of table 0201's codes, and the code each means. */
    private static final Map<String, String> USE_WORDS =
            Map.of("HOME", "PRN", "WORK", "WPN", "CELL", "PRN", "MOBILE", "PRN", "EMAIL", "NET");

    /** Table 0203 types that identify a person to a state or an insurer, never the patient to WebPT. */
    private static final Set<String> NOT_PATIENT_IDS = Set.of("SS", "NI", "DL", "PPN", "SB");

    private final MappingProfile profile;
    private final FieldLimits limits;

    public PatientInfoMapper(MappingProfile profile) {
        this(profile, FieldLimits.NONE);
    }

    /** @param limits the billing fields' widths: a longer value is a problem at its field */
    public PatientInfoMapper(MappingProfile profile, FieldLimits limits) {
        this.profile = profile;
        this.limits = limits;
    }

    /**
     * Maps the message's first PID; problems are added to {@code problems}, and what was read
     * differently from the standard or left out (never a value) to {@code notes}.
     */
    public PatientInfo map(MessageView message, List<Problem> problems, List<String> notes) {
        Segment pid = message.first("PID");
        if (pid == null) {
            problems.add(Sentence.NO_PID.at(ErrorLocation.segment("PID", 1)));
            return null;
        }
        String patientId = patientId(message, pid);
        if (patientId == null) {
            FieldPosition at = profile.patientId();
            problems.add(
                    message.repetitions(pid, at.field()).isEmpty()
                            ? Sentence.NO_PATIENT_ID.at(ErrorLocation.field(at.segment(), 1, at.field()), at)
                            : Sentence.PATIENT_ID_ONLY_NATIONAL.at(
                                    ErrorLocation.field(at.segment(), 1, at.field()),
                                    at,
                                    profile.patientIdTypes().isEmpty()
                                            ? "its own identifier"
                                            : String.join(" or ", profile.patientIdTypes())));
        } else {
            FieldPosition at = profile.patientId();
            limits.fits(
                    "patient",
                    "patient_id",
                    patientId,
                    ErrorLocation.field(at.segment(), 1, at.field()),
                    "patient ID",
                    problems);
        }
        Map<PatientField, Object> changes = new EnumMap<>(PatientField.class);
        for (PatientField field : PatientField.values()) {
            FieldPosition at = profile.position(field);
            if (at == null) {
                continue;
            }
            FieldValue value =
                    switch (field) {
                        case HOME_PHONE, MOBILE_PHONE, EMAIL -> contact(message, pid, at, field, notes);
                        case WORK_PHONE -> firstPhone(message, pid, at);
                        case ADDRESS_LINE1 -> message.valueJoiningSubcomponents(pid, at);
                        default -> message.value(pid, at);
                    };
            if (field == PatientField.SSN && value instanceof FieldValue.Present p && !validSsn(p.value())) {
                if (isNoSsn(p.value())) {
                    changes.put(field, null);
                    notes.add("SSN (" + at + ") is a placeholder meaning \"no SSN\": the billing SSN is cleared.");
                } else {
                    notes.add("SSN (" + at + ") is not 9 digits: ignored, the billing SSN is left as it was.");
                }
            } else if (value instanceof FieldValue.Clear) {
                changes.put(field, null);
            } else if (value instanceof FieldValue.Present p) {
                Object converted = convert(field, p.value(), at, problems);
                if (converted instanceof String text
                        && !limits.fits(
                                "patient",
                                field.column(),
                                text,
                                ErrorLocation.field(at.segment(), 1, at.field()),
                                field.profileName(),
                                problems)) {
                    continue;
                }
                if (converted != null) {
                    changes.put(field, converted);
                }
            }
        }
        return patientId == null ? null : new PatientInfo(patientId, changes);
    }

    /**
     * The patient ID: the first repetition of an identifier type the profile names, else the first
     * repetition whose type is not a person's national or document number (SS, NI, DL, PPN, SB),
     * which identifies the person to the state, not the patient to WebPT, and is PHI besides.
     */
    /**
     * What keeps {@code info} from creating a billing patient: a new patient needs a last name and
     * a date of birth (101 at each field left out), since a patient without them cannot be billed or
     * told apart from another. An update of an existing patient may leave them out.
     */
    public List<Problem> newPatientProblems(PatientInfo info) {
        List<Problem> out = new java.util.ArrayList<>();
        for (PatientField field : List.of(PatientField.LAST_NAME, PatientField.DATE_OF_BIRTH)) {
            FieldPosition at = profile.position(field);
            if (at != null && info.changes().get(field) == null) {
                out.add(Sentence.NEW_PATIENT_WITHOUT.at(
                        ErrorLocation.field(at.segment(), 1, at.field()),
                        info.patientId(),
                        field == PatientField.LAST_NAME ? "last name" : "date of birth",
                        at));
            }
        }
        return out;
    }

    private String patientId(MessageView message, Segment pid) {
        FieldPosition at = profile.patientId();
        List<Type> reps = message.repetitions(pid, at.field());
        for (String wanted : profile.patientIdTypes()) {
            for (Type rep : reps) {
                if (wanted.equalsIgnoreCase(message.text(rep, 5, 0))
                        && !message.text(rep, at.component(), 0).isBlank()) {
                    return message.text(rep, at.component(), 0).trim();
                }
            }
        }
        for (Type rep : reps) {
            String id = message.text(rep, at.component(), 0);
            String type = message.text(rep, 5, 0).trim().toUpperCase(Locale.ROOT);
            if (!id.isBlank() && !message.isClear(rep) && !NOT_PATIENT_IDS.contains(type)) {
                return id.trim();
            }
        }
        return null;
    }

    /**
     * Picks a home phone, mobile or email among the XTN repetitions. A present field replaces both
     * phones: one that the field no longer lists is cleared. The email is taken from any repetition
     * and placement ({@link #email}); a field that lists none leaves the stored email alone, since
     * senders that put only phones in PID-13 do not mean "no email". Only {@code ""} clears it.
     */
    private FieldValue contact(
            MessageView message, Segment pid, FieldPosition at, PatientField wanted, List<String> notes) {
        List<Type> reps = message.repetitions(pid, at.field());
        if (reps.isEmpty()) {
            return FieldValue.ABSENT;
        }
        if (reps.size() == 1 && message.isClear(reps.get(0))) {
            return FieldValue.CLEAR;
        }
        for (Type rep : reps) {
            String written = message.text(rep, 2, 0).toUpperCase(Locale.ROOT);
            String use = USE_WORDS.getOrDefault(written, written);
            String equipment = message.text(rep, 3, 0).toUpperCase(Locale.ROOT);
            boolean emailOnly = use.equals("NET") || equipment.equals("INTERNET") || equipment.equals("X.400");
            boolean mobile =
                    !emailOnly && (equipment.equals("CP") || written.equals("CELL") || written.equals("MOBILE"));
            boolean home = !emailOnly && !mobile && (use.isEmpty() || use.equals("PRN") || use.equals("ORN"));
            if (!use.equals(written) && wanted == PatientField.HOME_PHONE) {
                notes.add(at + " use code '" + written + "' is not in HL7 table 0201: read as " + use + ".");
            }
            if (wanted == PatientField.EMAIL) {
                int component = emailComponent(message, rep, emailOnly);
                if (component > 0) {
                    if (!use.equals("NET") || component != 4) {
                        notes.add(at + " email read from XTN." + component + " of a repetition coded "
                                + (written.isEmpty() ? "(none)" : written) + "/"
                                + (equipment.isEmpty() ? "(none)" : equipment) + ".");
                    }
                    return new FieldValue.Present(
                            message.text(rep, component, 0).trim());
                }
            }
            if ((wanted == PatientField.MOBILE_PHONE && mobile) || (wanted == PatientField.HOME_PHONE && home)) {
                String number = phoneNumber(message, rep);
                if (!number.isEmpty()) {
                    return new FieldValue.Present(number);
                }
            }
        }
        return wanted == PatientField.EMAIL ? FieldValue.ABSENT : FieldValue.CLEAR;
    }

    /**
     * Where the email one XTN repetition carries is (0: none): XTN.4 (the standard place, also beside a phone number in
     * XTN.1), or an address in XTN.1 or XTN.2 (senders that write {@code a@b.org^EMAIL} or
     * {@code a@b.org^^Internet}). In a repetition marked as email (NET, Internet, X.400) XTN.4 counts
     * even without an {@code @} (an X.400 address has none).
     */
    private static int emailComponent(MessageView message, Type xtn, boolean emailOnly) {
        String standard = message.text(xtn, 4, 0).trim();
        if (standard.contains("@") || (emailOnly && !standard.isEmpty())) {
            return 4;
        }
        for (int component = 1; component <= 2; component++) {
            if (message.text(xtn, component, 0).contains("@")) {
                return component;
            }
        }
        return 0;
    }

    /** The first repetition's number (PID-14 holds business numbers only). */
    private FieldValue firstPhone(MessageView message, Segment pid, FieldPosition at) {
        List<Type> reps = message.repetitions(pid, at.field());
        if (reps.isEmpty()) {
            return FieldValue.ABSENT;
        }
        String number = message.isClear(reps.get(0)) ? "" : phoneNumber(message, reps.get(0));
        return number.isEmpty() ? FieldValue.CLEAR : new FieldValue.Present(number);
    }

    /** XTN-1 when valued (and not an email), else area code, local number and extension (XTN-6/7/8). */
    private static String phoneNumber(MessageView message, Type xtn) {
        String formatted = message.text(xtn, 1, 0);
        if (!formatted.isBlank() && !formatted.contains("@")) {
            return formatted.trim();
        }
        String area = message.text(xtn, 6, 0);
        String local = message.text(xtn, 7, 0);
        String extension = message.text(xtn, 8, 0);
        StringBuilder s = new StringBuilder();
        if (!area.isEmpty()) {
            s.append('(').append(area).append(')');
        }
        s.append(local);
        if (!extension.isEmpty()) {
            s.append(" x").append(extension);
        }
        return s.toString().trim();
    }

    private Object convert(PatientField field, String value, FieldPosition at, List<Problem> problems) {
        ErrorLocation where = ErrorLocation.field(at.segment(), 1, at.field());
        switch (field) {
            case DATE_OF_BIRTH -> {
                LocalDate date = Hl7Dates.parse(value);
                if (date == null) {
                    problems.add(Sentence.DATE_OF_BIRTH_NOT_A_DATE.at(where, at));
                }
                return date;
            }
            case SEX -> {
                String sex = value.trim().toUpperCase(Locale.ROOT);
                if (!SEX_TABLE_0001.contains(sex)) {
                    problems.add(Sentence.SEX_NOT_IN_TABLE.at(where, at));
                    return null;
                }
                return sex;
            }
            case SSN -> {
                return value.trim().replace("-", "");
            }
            default -> {
                return value.trim();
            }
        }
    }

    /** A placeholder for "no SSN" (all 9s, all 0s): the billing SSN is cleared. */
    private static boolean isNoSsn(String value) {
        return NO_SSN.contains(value.trim());
    }

    /** Nine digits, with or without the usual dashes, and not a placeholder. */
    private static boolean validSsn(String value) {
        return !isNoSsn(value) && value.trim().replace("-", "").matches("\\d{9}");
    }
}
