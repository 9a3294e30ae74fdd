package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import com.webptbridge.billing.Coverage;
import com.webptbridge.billing.PatientField;
import com.webptbridge.billing.PatientInfo;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each IN1 to a {@link MappedPolicy}: priority, payer Alternate ID, member and group, plan dates,
 * insured. The relationship is stored as its table 0063 code; a self-insured policy takes the
 * insured's name, date of birth and address from PID where IN1 leaves them empty (they are the
 * patient's, and the payer needs them on the claim).
 */
final class PolicyMapper {

    private final ProfileReader read;

    PolicyMapper(ProfileReader read) {
        this.read = read;
    }

    List<MappedPolicy> map(MessageView m, PatientInfo patient, List<Problem> problems, List<String> notes) {
        List<MappedPolicy> out = new ArrayList<>();
        int n = 0;
        for (Segment in1 : m.all("IN1")) {
            n++;
            String priorityText = read.text(m, in1, ProfileKey.INSURANCE_PRIORITY);
            ErrorLocation priorityAt = read.at("IN1", n, read.profile().positions(ProfileKey.INSURANCE_PRIORITY));
            int priority;
            if (!priorityText.matches("[123]")) {
                problems.add(Sentence.BAD_PRIORITY.at(priorityAt, n, priorityText));
                continue;
            }
            priority = Integer.parseInt(priorityText);
            String payer = read.text(m, in1, ProfileKey.INSURANCE_PAYER);
            ErrorLocation payerAt = read.at("IN1", n, read.profile().positions(ProfileKey.INSURANCE_PAYER));
            if (payer.isEmpty()) {
                problems.add(Sentence.NO_PAYER.at(payerAt, n, read.list(ProfileKey.INSURANCE_PAYER)));
            }
            String memberId = read.text(m, in1, ProfileKey.INSURANCE_MEMBER_ID);
            if (memberId.isEmpty()) {
                problems.add(Sentence.NO_MEMBER_ID.at(
                        read.at("IN1", n, read.profile().positions(ProfileKey.INSURANCE_MEMBER_ID)),
                        n,
                        read.list(ProfileKey.INSURANCE_MEMBER_ID)));
            }
            Type name = read.type(m, in1, ProfileKey.INSURANCE_INSURED_NAME);
            String relationship = relationship(m, in1, n, notes);
            Type address = read.type(m, in1, ProfileKey.INSURANCE_INSURED_ADDRESS);
            MappedPolicy policy = new MappedPolicy(
                    priority,
                    payer.isEmpty()
                            ? null
                            : new Keyed(
                                    payer,
                                    payerAt,
                                    read.profile()
                                            .positions(ProfileKey.INSURANCE_PAYER)
                                            .get(0)),
                    new Coverage(
                            memberId,
                            read.blankToNull(read.text(m, in1, ProfileKey.INSURANCE_GROUP_NUMBER)),
                            read.blankToNull(read.text(m, in1, ProfileKey.INSURANCE_GROUP_NAME)),
                            read.date(m, in1, n, ProfileKey.INSURANCE_EFFECTIVE_DATE, "plan effective date", problems),
                            read.date(
                                    m, in1, n, ProfileKey.INSURANCE_EXPIRATION_DATE, "plan expiration date", problems),
                            read.part(m, name, 1),
                            read.part(m, name, 2),
                            relationship,
                            read.date(
                                    m,
                                    in1,
                                    n,
                                    ProfileKey.INSURANCE_INSURED_DATE_OF_BIRTH,
                                    "insured's date of birth",
                                    problems),
                            read.blankToNull(read.text(m, in1, ProfileKey.INSURANCE_INSURED_SEX)
                                    .toUpperCase(Locale.ROOT)),
                            read.part(m, address, 1),
                            read.part(m, address, 2),
                            read.part(m, address, 3),
                            read.part(m, address, 4),
                            read.part(m, address, 5)));
            if (InsuredRelationship.SELF.equals(relationship) && patient != null) {
                policy = new MappedPolicy(policy.priority(), policy.payer(), selfInsured(policy.coverage(), patient));
            }
            if (fits(policy.coverage(), n, problems)) {
                out.add(policy);
            }
        }
        return out;
    }

    /** IN1-17 as its table 0063 code; a value that is neither a code nor a known word is left out and noted. */
    private String relationship(MessageView m, Segment in1, int n, List<String> notes) {
        String written = read.text(m, in1, ProfileKey.INSURANCE_RELATIONSHIP);
        if (written.isEmpty()) {
            return null;
        }
        String code = InsuredRelationship.code(written);
        if (code == null) {
            notes.add("Insurance " + n + ": the insured's relationship (" + read.list(ProfileKey.INSURANCE_RELATIONSHIP)
                    + ") is not an HL7 table 0063 code or a word for one: left out.");
        } else if (!code.equals(written)) {
            notes.add("Insurance " + n + ": the insured's relationship (" + read.list(ProfileKey.INSURANCE_RELATIONSHIP)
                    + ") read as table 0063 code " + code + ".");
        }
        return code;
    }

    /** A self-insured policy's insured is the patient: what IN1 leaves empty comes from PID. */
    private static Coverage selfInsured(Coverage c, PatientInfo patient) {
        return new Coverage(
                c.memberId(),
                c.groupNumber(),
                c.groupName(),
                c.effectiveDate(),
                c.expirationDate(),
                or(c.insuredLastName(), patient, PatientField.LAST_NAME),
                or(c.insuredFirstName(), patient, PatientField.FIRST_NAME),
                c.relationship(),
                c.insuredDateOfBirth() != null
                        ? c.insuredDateOfBirth()
                        : patient.changes().get(PatientField.DATE_OF_BIRTH) instanceof LocalDate d ? d : null,
                c.insuredSex(),
                or(c.insuredAddressLine1(), patient, PatientField.ADDRESS_LINE1),
                or(c.insuredAddressLine2(), patient, PatientField.ADDRESS_LINE2),
                or(c.insuredCity(), patient, PatientField.CITY),
                or(c.insuredState(), patient, PatientField.STATE),
                or(c.insuredZip(), patient, PatientField.ZIP));
    }

    private static String or(String given, PatientInfo patient, PatientField field) {
        return given != null ? given : patient.changes().get(field) instanceof String s ? s : null;
    }

    /** True when every value fits its billing column; each one that does not is a problem at its field. */
    private boolean fits(Coverage c, int n, List<Problem> problems) {
        String t = "insurance_policy";
        boolean fits = read.fits(
                t,
                "member_id",
                c.memberId(),
                "IN1",
                n,
                ProfileKey.INSURANCE_MEMBER_ID,
                "member (policy) number",
                problems);
        fits &= read.fits(
                t,
                "group_number",
                c.groupNumber(),
                "IN1",
                n,
                ProfileKey.INSURANCE_GROUP_NUMBER,
                "group number",
                problems);
        fits &= read.fits(
                t, "group_name", c.groupName(), "IN1", n, ProfileKey.INSURANCE_GROUP_NAME, "group name", problems);
        fits &= read.fits(
                t,
                "insured_last_name",
                c.insuredLastName(),
                "IN1",
                n,
                ProfileKey.INSURANCE_INSURED_NAME,
                "insured's last name",
                problems);
        fits &= read.fits(
                t,
                "insured_first_name",
                c.insuredFirstName(),
                "IN1",
                n,
                ProfileKey.INSURANCE_INSURED_NAME,
                "insured's first name",
                problems);
        fits &= read.fits(
                t,
                "insured_relationship",
                c.relationship(),
                "IN1",
                n,
                ProfileKey.INSURANCE_RELATIONSHIP,
                "insured's relationship",
                problems);
        fits &= read.fits(
                t,
                "insured_address_line1",
                c.insuredAddressLine1(),
                "IN1",
                n,
                ProfileKey.INSURANCE_INSURED_ADDRESS,
                "insured's street",
                problems);
        fits &= read.fits(
                t,
                "insured_address_line2",
                c.insuredAddressLine2(),
                "IN1",
                n,
                ProfileKey.INSURANCE_INSURED_ADDRESS,
                "insured's second address line",
                problems);
        fits &= read.fits(
                t,
                "insured_city",
                c.insuredCity(),
                "IN1",
                n,
                ProfileKey.INSURANCE_INSURED_ADDRESS,
                "insured's city",
                problems);
        fits &= read.fits(
                t,
                "insured_state",
                c.insuredState(),
                "IN1",
                n,
                ProfileKey.INSURANCE_INSURED_ADDRESS,
                "insured's state",
                problems);
        fits &= read.fits(
                t,
                "insured_zip",
                c.insuredZip(),
                "IN1",
                n,
                ProfileKey.INSURANCE_INSURED_ADDRESS,
                "insured's ZIP",
                problems);
        return fits;
    }
}
