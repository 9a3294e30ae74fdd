package com.webptbridge.hl7;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every sentence an analyst reads about a message: the NAK's ERR-8/MSA-3 text, each with the
 * {@link NakReason} (0357 code and acknowledgment) it is sent under, and the worklist's titles and
 * actions (no reason). The wording lives here and nowhere else, the way HAPI's {@code ErrorCode}
 * carries its text; {@code SentenceTest} pins each one. A template's {@code {name}} placeholders
 * take the arguments in the order the names first appear. Which sentence a reference kind gets is
 * chosen in {@link ReferenceSentences}.
 */
public enum Sentence {
    // The frame and the header: the message could not be taken in.
    FRAME_TOO_LARGE(
            NakReason.FRAME_TOO_LARGE,
            "The message is {bytes} bytes, more than this interface accepts (bridge.mllp.max-frame-bytes): it was"
                    + " journaled without its text and not applied. Split it, or ask the interface analyst to raise"
                    + " the limit."),
    NO_MSH(
            NakReason.NOT_HL7,
            "The message does not start with a valid MSH segment (field separator and encoding characters): it"
                    + " was not read as HL7 v2. Check the interface's message format."),
    /** The ack-server's answer: it reads nothing beyond the header. */
    NO_MSH_SEGMENT(NakReason.NOT_HL7, "No MSH segment"),
    UNKNOWN_CHARSET(
            NakReason.UNKNOWN_CHARSET,
            "Character set '{charset}' (MSH-18) is not supported: send ASCII, 8859/1 or UNICODE UTF-8."),
    DELIMITERS_NOT_SINGLE_CHARACTERS(
            NakReason.NOT_HL7,
            "The MSH segment's delimiters (MSH-1, MSH-2) are not single printable ASCII characters in {charset}:"
                    + " it was not read as HL7 v2. Use |^~\\& as delimiters."),
    BAD_DELIMITERS(
            NakReason.BAD_ENCODING,
            "The delimiters (MSH-1, MSH-2) are '{delimiters}': HL7 v2 needs four encoding characters (component,"
                    + " repetition, escape, sub-component), none of them '.', normally |^~\\&."),
    NO_CONTROL_ID(
            NakReason.MISSING_HEADER_FIELD,
            "The message control ID (MSH-10) is empty: every message needs a unique control ID."),
    NO_MESSAGE_TYPE(NakReason.MISSING_HEADER_FIELD, "The message type (MSH-9) is empty."),
    UNSUPPORTED_MESSAGE_TYPE(
            NakReason.UNSUPPORTED_MESSAGE_TYPE,
            "Message type {type} is not handled by this interface; it accepts {accepted}."),
    UNSUPPORTED_EVENT(
            NakReason.UNSUPPORTED_EVENT,
            "Event {type}^{trigger} is not handled by this interface; it accepts {accepted}."),
    UNSUPPORTED_VERSION(
            NakReason.UNSUPPORTED_VERSION,
            "HL7 version '{version}' (MSH-12) is not supported; send one of {versions}."),
    EMPTY_VERSION(NakReason.UNSUPPORTED_VERSION, "The HL7 version (MSH-12) is empty; send one of {versions}."),
    UNSUPPORTED_PROCESSING_ID(
            NakReason.UNSUPPORTED_PROCESSING_ID,
            "Processing ID '{processingId}' (MSH-11) is not accepted; send one of {accepted}."),
    EMPTY_PROCESSING_ID(
            NakReason.UNSUPPORTED_PROCESSING_ID, "The processing ID (MSH-11) is empty; send one of {accepted}."),
    NO_INTERFACE(
            NakReason.NO_INTERFACE,
            "No interface on this port takes messages from sending facility '{sending}' (MSH-4) to receiving"
                    + " facility '{receiving}' (MSH-6): ask the interface analyst to add this practice's interface"
                    + " or correct the facilities."),
    TLS_SUBJECT_NOT_ALLOWED(
            NakReason.SENDER_NOT_ALLOWED,
            "This connection's TLS client certificate ({subject}) is not one interface {interface} takes messages"
                    + " from (tlsSubjects in conf/interfaces/{interface}.yaml): the message was journaled, not"
                    + " applied. Send with the practice's own certificate, or ask the interface analyst to list"
                    + " this subject."),
    INTERFACE_IN_SETUP(
            NakReason.NOT_TAKING_TRAFFIC,
            "Interface {interface} is in setup and not taking traffic yet: the message was journaled, not"
                    + " applied. An admin starts its test phase with bridge interface test {interface}."),
    INTERFACE_DISABLED(
            NakReason.NOT_TAKING_TRAFFIC,
            "Interface {interface} is disabled and not taking traffic: the message was journaled, not applied. An"
                    + " admin takes it back into testing or live with bridge interface test {interface} or bridge"
                    + " interface go-live {interface}."),
    TOO_MANY_REPETITIONS(
            NakReason.MESSAGE_TOO_LARGE,
            "{field} repeats {count} times, more than the {max} this interface reads (bridge.hl7.max-repetitions):"
                    + " it was journaled but not read. Send it in smaller parts, or ask the interface analyst."),
    FIELD_TOO_LONG_TO_READ(
            NakReason.MESSAGE_TOO_LARGE,
            "{field} is {length} characters long, more than the {max} this interface reads"
                    + " (bridge.hl7.max-field-length): it was journaled but not read. Send it in smaller parts, or ask"
                    + " the interface analyst."),
    TOO_MANY_SEGMENTS(
            NakReason.MESSAGE_TOO_LARGE,
            "The message has more than {max} segments, more than this interface reads (bridge.hl7.max-segments):"
                    + " it was journaled but not read. Send it in smaller parts, or ask the interface analyst."),
    PARSE_TIMEOUT(
            NakReason.MESSAGE_TOO_LARGE,
            "The message took longer than {millis} ms to read (bridge.hl7.parse-timeout-ms): it was journaled but"
                    + " not applied. Send it in smaller parts, or ask the interface analyst."),
    NOT_PARSED(
            NakReason.NOT_HL7,
            "The message could not be parsed as HL7 v2: check its segment structure and delimiters."),

    // The engine itself.
    STORE_UNAVAILABLE(
            NakReason.STORE_UNAVAILABLE,
            "The billing interface could not store the message right now; it was not applied. Send it again"
                    + " later."),
    INTERNAL_ERROR(
            NakReason.INTERNAL_ERROR,
            "Internal error in the billing interface; the message is kept and is reprocessed once the interface is"
                    + " fixed. There is no need to send it again."),

    // The patient.
    NO_PID(NakReason.REQUIRED_FIELD_MISSING, "The message has no PID segment, so there is no patient to update."),
    NO_PATIENT_ID(
            NakReason.REQUIRED_FIELD_MISSING,
            "The patient ID ({where}) is empty: WebPT must send its patient ID to identify the billing patient."),
    PATIENT_ID_ONLY_NATIONAL(
            NakReason.REQUIRED_FIELD_MISSING,
            "The patient ID ({where}) holds only a national or document number (SS, NI, DL, PPN, SB), which is"
                    + " never the patient key: WebPT must send its patient ID (identifier type {types}) to identify"
                    + " the billing patient."),
    DATE_OF_BIRTH_NOT_A_DATE(
            NakReason.DATA_TYPE_ERROR,
            "The date of birth ({where}) is not a date in the form YYYYMMDD: correct it in WebPT."),
    SEX_NOT_IN_TABLE(
            NakReason.TABLE_VALUE_NOT_FOUND, "The sex ({where}) must be one of M, F, O, U, A, N (HL7 table 0001)."),

    // Any mapped field.
    NOT_A_DATE(NakReason.DATA_TYPE_ERROR, "The {what} ({where}) is not a date in the form YYYYMMDD."),
    TOO_LONG(
            NakReason.DATA_TYPE_ERROR,
            "The {what} ({where}) is {length} characters long; the billing field holds at most {max}: shorten it in"
                    + " WebPT."),

    // Insurance.
    BAD_PRIORITY(
            NakReason.TABLE_VALUE_NOT_FOUND,
            "Insurance {n} has priority '{value}' (IN1-1): it must be 1 (primary), 2 (secondary) or 3 (tertiary)."),
    NO_PAYER(
            NakReason.REQUIRED_FIELD_MISSING,
            "Insurance {n} names no payer ({where}): set the payer's Alternate ID in WebPT to its billing Sequence"
                    + " Number."),
    NO_MEMBER_ID(
            NakReason.REQUIRED_FIELD_MISSING,
            "Insurance {n} has no member (policy) number ({where}): add it to the patient's case in WebPT."),

    // The visit and its charges.
    NO_FACILITY(
            NakReason.REQUIRED_FIELD_MISSING,
            "The visit names no facility ({where}): set the facility's Alternate ID in WebPT to its billing Sequence"
                    + " Number."),
    NO_PROVIDER(NakReason.REQUIRED_FIELD_MISSING, "The encounter names no {what} ({where})."),
    NO_PROVIDER_ALTERNATE_ID(
            NakReason.REQUIRED_FIELD_MISSING,
            "The {what} ({where}) has no Alternate ID: set the provider's Alternate ID in WebPT to their billing"
                    + " Sequence Number."),
    NO_PROVIDER_NPI(
            NakReason.REQUIRED_FIELD_MISSING,
            "The {what} ({where}) has no NPI (looked in {places}): add the provider's NPI in WebPT."),
    NO_CHARGES(
            NakReason.REQUIRED_FIELD_MISSING,
            "The encounter has no charges (no FT1 segment): a DFT^P03 must carry at least one charge."),
    NO_TRANSACTION_ID(
            NakReason.REQUIRED_FIELD_MISSING,
            "Charge {n} has no transaction ID ({where}): it is what keeps a charge from being posted twice."),
    NO_SERVICE_DATE(NakReason.REQUIRED_FIELD_MISSING, "Charge {n} has no date of service ({where})."),
    NO_PROCEDURE_CODE(NakReason.REQUIRED_FIELD_MISSING, "Charge {n} has no CPT/HCPCS code ({where})."),
    NOT_A_NUMBER(
            NakReason.DATA_TYPE_ERROR, "Charge {n} has {what} '{value}' ({where}): it must be a number of 0 or more."),
    TOO_MANY_MODIFIERS(NakReason.DATA_TYPE_ERROR, "Charge {n} has {count} modifiers; a charge takes at most 4."),
    POINTER_WITHOUT_DG1(
            NakReason.DATA_TYPE_ERROR,
            "Charge {n} points at DG1 set ID {value}, which no DG1 segment has ({where}): correct the charge's"
                    + " diagnoses in WebPT."),
    POINTER_NOT_A_SET_ID(
            NakReason.DATA_TYPE_ERROR,
            "Charge {n} has '{value}' where a DG1 set ID belongs ({where}): correct the charge's diagnoses in"
                    + " WebPT."),
    UNKNOWN_CHARGE_TYPE(
            NakReason.TABLE_VALUE_NOT_FOUND,
            "FT1 {n} has transaction type '{type}' ({where}), which is not in HL7 table 0017: send CG for a charge"
                    + " (CD credit, PY payment, AJ adjustment and CO co-payment are not posted). Correct the charge's"
                    + " type in WebPT's charge setup."),
    NOTHING_TO_POST(
            NakReason.REQUIRED_FIELD_MISSING,
            "FT1 {n} is {what}, which the billing interface does not post, and the message has no charge (CG): it"
                    + " would post nothing. Send the visit's charges."),
    REPEATED_TRANSACTION_ID(
            NakReason.DATA_TYPE_ERROR,
            "Charge {n} has transaction ID {id} ({where}), the same as charge {first}: each charge needs its own"
                    + " transaction ID, since a charge is posted once per transaction ID. Correct the charges in WebPT"
                    + " and send the visit again."),
    NOT_A_CPT_CODE(
            NakReason.TABLE_VALUE_NOT_FOUND,
            "Charge {n} has code '{code}' ({where}), which is not a CPT/HCPCS code (5 letters or digits, e.g."
                    + " 97110) and cannot be added to the billing system: correct the charge's CPT/HCPCS code in"
                    + " WebPT's charge setup and send the visit again."),
    NEW_PATIENT_WITHOUT(
            NakReason.REQUIRED_FIELD_MISSING,
            "Patient {id} is new to the billing system and the message has no {what} ({where}): a billing patient"
                    + " needs both. Add it to the patient's demographics in WebPT and send the patient again."),
    CONTENT_REFUSED(
            NakReason.DATA_TYPE_ERROR,
            "The billing database refused {which} as it stands (SQLSTATE {state}: a value or rule of the billing"
                    + " tables it does not meet); nothing was applied. Correct it in WebPT and send it again, or ask"
                    + " the interface analyst which billing rule it breaks."),
    NO_AMOUNT(
            NakReason.REQUIRED_FIELD_MISSING,
            "Charge {n} has no amount and code {code} has no default charge: send the amount (FT1-11) or give the"
                    + " code a default charge (`bridge procedure-code update {code} --default-charge 45.00`)."),

    // Reference data: how a message names a record, and what is wrong with it.
    PAYER_KEY(null, "Payer Alternate ID {key}"),
    FACILITY_KEY(null, "Facility Alternate ID {key}"),
    PROVIDER_KEY(null, "Rendering provider Alternate ID {key}"),
    REFERRING_PROVIDER_KEY(null, "Referring provider NPI {key}"),
    PROCEDURE_CODE_KEY(null, "Procedure code {key}"),
    NOT_A_SEQUENCE_NUMBER(
            NakReason.UNKNOWN_KEY,
            "{what} Alternate ID '{key}' ({where}) is not a billing Sequence Number (a number): enter the billing"
                    + " Sequence Number as the Alternate ID in WebPT."),
    PROVIDER_NOT_A_SEQUENCE_NUMBER(
            NakReason.UNKNOWN_KEY,
            "Rendering provider Alternate ID '{key}' ({where}) is not a billing Sequence Number (a number): enter the"
                    + " provider's billing Sequence Number as the Alternate ID in WebPT."),
    UNKNOWN_PAYER(
            NakReason.UNKNOWN_KEY,
            "{named} ({where}) is not a billing payer Sequence Number: add the payer in the billing system and copy"
                    + " its Sequence Number into WebPT's Alternate ID."),
    UNKNOWN_FACILITY(
            NakReason.UNKNOWN_KEY,
            "{named} ({where}) is not a billing facility Sequence Number: add the facility in the billing system and"
                    + " enter its Sequence Number as the facility's Alternate ID in WebPT."),
    UNKNOWN_PROVIDER(
            NakReason.UNKNOWN_KEY,
            "{named} ({where}) is not a billing provider Sequence Number: add the provider in the billing system"
                    + " (with the same NPI as in WebPT) and enter its Sequence Number as the provider's Alternate ID"
                    + " in WebPT."),
    UNKNOWN_REFERRING_PROVIDER(
            NakReason.UNKNOWN_KEY,
            "{named} ({where}) is not in the billing system: add the referring provider with this NPI."),
    UNKNOWN_PROCEDURE_CODE(
            NakReason.UNKNOWN_KEY,
            "{named} ({where}) is not in the billing system: add the CPT/HCPCS code in the billing system."),
    INACTIVE_RECORD(
            NakReason.UNKNOWN_KEY,
            "{named} ({where}) is billing {noun} {record}, which exists but is inactive: reactivating it"
                    + " ({reactivation}) releases the waiting message; do not add it again."),
    INACTIVE_CODE(
            NakReason.UNKNOWN_KEY,
            "{named} ({where}) is in the billing system, which exists but is inactive: reactivating it"
                    + " ({reactivation}) releases the waiting message; do not add it again."),
    /** How an analyst reactivates a record: in the inactive NAK and in the worklist's action. */
    REACTIVATION(null, "`bridge {cli} update {record} --activate`, or PUT /api/{path}/{record} with \"active\": true"),
    NPI_MISMATCH(
            NakReason.UNKNOWN_KEY,
            "Rendering provider {key} has NPI {npi} in WebPT ({where}) but NPI {billingNpi} in the billing system:"
                    + " check both against NPPES; correct the billing record's NPI only if WebPT's is right, otherwise"
                    + " correct it in WebPT."),
    INVALID_NPI(
            NakReason.DATA_TYPE_ERROR,
            "The {which} provider's NPI {npi} ({where}) is not a valid NPI (10 digits with a correct check digit):"
                    + " correct it in WebPT."),

    // The worklist: a line's title and what the analyst does about it.
    WORKLIST_TITLE(null, "{named} ({where})"),
    NPI_MISMATCH_KEY(null, "NPI mismatch for rendering provider {key}"),
    ERROR_GROUP(null, "{reason} ({code})"),
    ADD_PAYER(null, "Add the payer in the billing system (or import it under Sequence Number {key})."),
    ADD_FACILITY(null, "Add the facility in the billing system (or import it under Sequence Number {key})."),
    ADD_PROVIDER(null, "Add the provider with WebPT's NPI (or import it under Sequence Number {key})."),
    ADD_REFERRING_PROVIDER(null, "Add the referring provider with this NPI."),
    ADD_PROCEDURE_CODE(null, "Add the CPT/HCPCS code in the billing system."),
    REACTIVATE(
            null,
            "The {noun} {record} exists in the billing system but is inactive: reactivate it ({reactivation}); the"
                    + " waiting messages are then reprocessed. Do not add it again."),
    CORRECT_NPI(
            null,
            "WebPT sends a different NPI for rendering provider {key} (see the detail) than the billing record has."
                    + " Check both against NPPES. Only if WebPT's NPI is right, correct the billing record's NPI"
                    + " (`bridge provider update {key} --npi <WebPT's NPI>`, which reprocesses the waiting messages);"
                    + " otherwise correct the NPI in WebPT and have WebPT resend."),
    CORRECT_NPI_OF(
            null,
            "WebPT sends a different NPI for rendering provider {key} (see the detail) than the billing record has"
                    + " ({billingNpi}). Check both against NPPES. Only if WebPT's NPI is right, correct the billing"
                    + " record's NPI (`bridge provider update {key} --npi <WebPT's NPI>`, which reprocesses the"
                    + " waiting messages); otherwise correct the NPI in WebPT and have WebPT resend."),
    // Claim readiness: warnings on an accepted encounter (AA, ERR-4 W), for clinic staff to fix in WebPT.
    FINDING_NO_THERAPY_MODIFIER(
            NakReason.WARNING_MISSING,
            "Charge {charge} ({code}) has no therapy modifier: {payer} needs {modifier} on every physical therapy"
                    + " line. Add {modifier} to the charge in WebPT and re-bill the visit."),
    FINDING_WRONG_THERAPY_MODIFIER(
            NakReason.WARNING_VALUE,
            "Charge {charge} ({code}) has modifier {found}, which is for {discipline}: this is a physical therapy"
                    + " interface, so {payer} needs {modifier}. Correct the modifier in WebPT and re-bill the visit."),
    FINDING_EIGHT_MINUTE_RULE(
            NakReason.WARNING_VALUE,
            "The visit bills {units} unit(s) of timed codes for {minutes} treatment minutes: under the 8-minute"
                    + " rule {payer} pays {expected} unit(s). Correct the units or the minutes in WebPT and re-bill"
                    + " the visit."),
    FINDING_TOO_MANY_TIMED_UNITS(
            NakReason.WARNING_VALUE,
            "The visit bills {units} units of timed 15-minute codes, more than {max} (over two hours of timed"
                    + " treatment): check the units in WebPT."),
    FINDING_ZERO_UNITS(
            NakReason.WARNING_VALUE,
            "Charge {charge} ({code}) is a timed code billed with 0 units: the payer pays nothing for it. Enter the"
                    + " units in WebPT and re-bill the visit."),
    FINDING_DIAGNOSIS_MALFORMED(
            NakReason.WARNING_FORMAT,
            "Diagnosis {diagnosis} is not a well-formed ICD-10-CM code (a letter, two characters, then up to four"
                    + " after a dot): correct it in WebPT."),
    FINDING_INJURY_NO_SEVENTH(
            NakReason.WARNING_FORMAT,
            "Diagnosis {diagnosis} is an injury code without its 7th character (A initial, D subsequent, S sequela;"
                    + " X placeholders first): payers deny it. Choose the complete code in WebPT."),
    FINDING_NO_DIAGNOSIS_POINTED(
            NakReason.WARNING_MISSING,
            "No charge of this visit points to a diagnosis: every claim line needs one. Link the charges to the"
                    + " visit's diagnoses in WebPT and re-bill the visit."),
    FINDING_NO_REFERRING_PROVIDER(
            NakReason.WARNING_MISSING,
            "The visit has no referring provider, which {payer} needs for therapy claims: enter the referring"
                    + " provider (with NPI) on the patient's case in WebPT."),
    FINDING_PLACE_OF_SERVICE(
            NakReason.WARNING_VALUE,
            "Place of service '{pos}' of facility {facility} is not one this interface bills ({known}): correct the"
                    + " facility's place of service (bridge facility update {facility} --place-of-service)."),
    FINDING_NO_PLACE_OF_SERVICE(
            NakReason.WARNING_MISSING,
            "Facility {facility} has no place of service and conf/rules names no default: set it with bridge"
                    + " facility update {facility} --place-of-service 11."),
    FINDING_TIMELY_FILING(
            NakReason.WARNING_VALUE,
            "The date of service {date} is {age} days before this message, past {payer}'s filing limit of {limit}"
                    + " days: the claim is likely to be denied as late. Send the visit promptly, or check for a"
                    + " filing-limit exception."),

    REPORT_INTERNAL_ERROR(
            null, "An internal error in the interface: report it; reprocess the messages once it is fixed."),
    CORRECT_AND_RESEND(null, "Correct the data in WebPT and resend, or reprocess once fixed.");

    private final NakReason reason;
    private final String template;
    private final List<String> names;

    Sentence(NakReason reason, String template) {
        this.reason = reason;
        this.template = template;
        List<String> found = new ArrayList<>();
        Matcher m = Placeholder.PATTERN.matcher(template);
        while (m.find()) {
            if (!found.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        this.names = List.copyOf(found);
    }

    /** The reason (0357 code, AE or AR) a NAK with this sentence is sent under; null for worklist words. */
    public NakReason reason() {
        return reason;
    }

    public String template() {
        return template;
    }

    /** The placeholders, in the order {@link #format} takes their values. */
    public List<String> placeholders() {
        return names;
    }

    /** The sentence with its placeholders filled, one argument per distinct placeholder. */
    public String format(Object... args) {
        if (args.length != names.size()) {
            throw new IllegalArgumentException(
                    name() + " takes " + names.size() + " argument(s) " + names + ", not " + args.length);
        }
        // One pass over the template, so a value that itself contains "{where}" is left as sent.
        StringBuilder out = new StringBuilder();
        Matcher m = Placeholder.PATTERN.matcher(template);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(args[names.indexOf(m.group(1))])));
        }
        return m.appendTail(out).toString();
    }

    /** A problem at {@code location} in these words. */
    public Problem at(ErrorLocation location, Object... args) {
        if (reason == null) {
            throw new IllegalStateException(name() + " is worklist wording, not a NAK sentence");
        }
        return reason.at(location, format(args));
    }

    /** A problem with the message as a whole. */
    public Problem problem(Object... args) {
        return at(ErrorLocation.MESSAGE, args);
    }

    /** Apart from the constants, because an enum's constructor cannot read the enum's own statics. */
    private static final class Placeholder {
        static final Pattern PATTERN = Pattern.compile("\\{([a-zA-Z]+)}");
    }
}
