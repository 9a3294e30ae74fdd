package com.webptbridge.hl7;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The exact words an analyst reads, one case per sentence: changing a sentence is a change to
 * this list, made on purpose, and the samples' ACKs pin the same words on the wire.
 */
class SentenceTest {

    static Stream<Arguments> everySentence() {
        return Stream.of(
                words(
                        Sentence.FRAME_TOO_LARGE,
                        "The message is 1048577 bytes, more than this interface accepts (bridge.mllp.max-frame-bytes):"
                                + " it was journaled without its text and not applied. Split it, or ask the interface"
                                + " analyst to raise the limit.",
                        1048577),
                words(
                        Sentence.NO_MSH,
                        "The message does not start with a valid MSH segment (field separator and encoding"
                                + " characters): it was not read as HL7 v2. Check the interface's message format."),
                words(Sentence.NO_MSH_SEGMENT, "No MSH segment"),
                words(
                        Sentence.UNKNOWN_CHARSET,
                        "Character set 'EBCDIC' (MSH-18) is not supported: send ASCII, 8859/1 or UNICODE UTF-8.",
                        "EBCDIC"),
                words(
                        Sentence.DELIMITERS_NOT_SINGLE_CHARACTERS,
                        "The MSH segment's delimiters (MSH-1, MSH-2) are not single printable ASCII characters in UTF-8:"
                                + " it was not read as HL7 v2. Use |^~\\& as delimiters.",
                        "UTF-8"),
                words(
                        Sentence.BAD_DELIMITERS,
                        "The delimiters (MSH-1, MSH-2) are '|^~.': HL7 v2 needs four encoding characters (component,"
                                + " repetition, escape, sub-component), none of them '.', normally |^~\\&.",
                        "|^~."),
                words(
                        Sentence.NO_CONTROL_ID,
                        "The message control ID (MSH-10) is empty: every message needs a unique control ID."),
                words(Sentence.NO_MESSAGE_TYPE, "The message type (MSH-9) is empty."),
                words(
                        Sentence.UNSUPPORTED_MESSAGE_TYPE,
                        "Message type ORU is not handled by this interface; it accepts ADT^A04, DFT^P03.",
                        "ORU",
                        "ADT^A04, DFT^P03"),
                words(
                        Sentence.UNSUPPORTED_EVENT,
                        "Event ADT^A03 is not handled by this interface; it accepts ADT^A04, DFT^P03.",
                        "ADT",
                        "A03",
                        "ADT^A04, DFT^P03"),
                words(
                        Sentence.UNSUPPORTED_VERSION,
                        "HL7 version '2.7' (MSH-12) is not supported; send one of 2.3, 2.5.1.",
                        "2.7",
                        "2.3, 2.5.1"),
                words(
                        Sentence.UNSUPPORTED_PROCESSING_ID,
                        "Processing ID 'T' (MSH-11) is not accepted; send one of P.",
                        "T",
                        "P"),
                words(Sentence.EMPTY_PROCESSING_ID, "The processing ID (MSH-11) is empty; send one of P.", "P"),
                words(Sentence.EMPTY_VERSION, "The HL7 version (MSH-12) is empty; send one of 2.5.1.", "2.5.1"),
                words(
                        Sentence.NO_INTERFACE,
                        "No interface on this port takes messages from sending facility 'CLINIC9' (MSH-4) to"
                                + " receiving facility 'BILLING' (MSH-6): ask the interface analyst to add this"
                                + " practice's interface or correct the facilities.",
                        "CLINIC9",
                        "BILLING"),
                words(
                        Sentence.TLS_SUBJECT_NOT_ALLOWED,
                        "This connection's TLS client certificate (CN=someone else) is not one interface clinic-a"
                                + " takes messages from (tlsSubjects in conf/interfaces/clinic-a.yaml): the message"
                                + " was journaled, not applied. Send with the practice's own certificate, or ask the"
                                + " interface analyst to list this subject.",
                        "CN=someone else",
                        "clinic-a"),
                words(
                        Sentence.INTERFACE_IN_SETUP,
                        "Interface clinic-a is in setup and not taking traffic yet: the message was journaled, not"
                                + " applied. An admin starts its test phase with bridge interface test clinic-a.",
                        "clinic-a"),
                words(
                        Sentence.INTERFACE_DISABLED,
                        "Interface clinic-a is disabled and not taking traffic: the message was journaled, not"
                                + " applied. An admin takes it back into testing or live with bridge interface test"
                                + " clinic-a or bridge interface go-live clinic-a.",
                        "clinic-a"),
                words(
                        Sentence.TOO_MANY_REPETITIONS,
                        "PID-3 repeats 1001 times, more than the 1000 this interface reads"
                                + " (bridge.hl7.max-repetitions): it was journaled but not read. Send it in smaller"
                                + " parts, or ask the interface analyst.",
                        "PID-3",
                        1001,
                        1000),
                words(
                        Sentence.FIELD_TOO_LONG_TO_READ,
                        "NTE-3 is 70000 characters long, more than the 65536 this interface reads"
                                + " (bridge.hl7.max-field-length): it was journaled but not read. Send it in smaller"
                                + " parts, or ask the interface analyst.",
                        "NTE-3",
                        70000,
                        65536),
                words(
                        Sentence.TOO_MANY_SEGMENTS,
                        "The message has more than 5000 segments, more than this interface reads"
                                + " (bridge.hl7.max-segments): it was journaled but not read. Send it in smaller parts,"
                                + " or ask the interface analyst.",
                        5000),
                words(
                        Sentence.PARSE_TIMEOUT,
                        "The message took longer than 2000 ms to read (bridge.hl7.parse-timeout-ms): it was journaled"
                                + " but not applied. Send it in smaller parts, or ask the interface analyst.",
                        2000L),
                words(
                        Sentence.NOT_PARSED,
                        "The message could not be parsed as HL7 v2: check its segment structure and delimiters."),
                words(
                        Sentence.STORE_UNAVAILABLE,
                        "The billing interface could not store the message right now; it was not applied. Send it"
                                + " again later."),
                words(
                        Sentence.INTERNAL_ERROR,
                        "Internal error in the billing interface; the message is kept and is reprocessed once the"
                                + " interface is fixed. There is no need to send it again."),
                words(Sentence.NO_PID, "The message has no PID segment, so there is no patient to update."),
                words(
                        Sentence.NO_PATIENT_ID,
                        "The patient ID (PID-3) is empty: WebPT must send its patient ID to identify the billing"
                                + " patient.",
                        "PID-3"),
                words(
                        Sentence.PATIENT_ID_ONLY_NATIONAL,
                        "The patient ID (PID-3) holds only a national or document number (SS, NI, DL, PPN, SB), which"
                                + " is never the patient key: WebPT must send its patient ID (identifier type MR or PI)"
                                + " to identify the billing patient.",
                        "PID-3",
                        "MR or PI"),
                words(
                        Sentence.DATE_OF_BIRTH_NOT_A_DATE,
                        "The date of birth (PID-7.1) is not a date in the form YYYYMMDD: correct it in WebPT.",
                        "PID-7.1"),
                words(
                        Sentence.SEX_NOT_IN_TABLE,
                        "The sex (PID-8) must be one of M, F, O, U, A, N (HL7 table 0001).",
                        "PID-8"),
                words(
                        Sentence.NOT_A_DATE,
                        "The plan effective date (IN1-12) is not a date in the form YYYYMMDD.",
                        "plan effective date",
                        "IN1-12"),
                words(
                        Sentence.TOO_LONG,
                        "The group number (IN1[2]-8) is 51 characters long; the billing field holds at most 50:"
                                + " shorten it in WebPT.",
                        "group number",
                        "IN1[2]-8",
                        51,
                        50),
                words(
                        Sentence.BAD_PRIORITY,
                        "Insurance 2 has priority '4' (IN1-1): it must be 1 (primary), 2 (secondary) or 3"
                                + " (tertiary).",
                        2,
                        "4"),
                words(
                        Sentence.NO_PAYER,
                        "Insurance 1 names no payer (IN1-3): set the payer's Alternate ID in WebPT to its billing"
                                + " Sequence Number.",
                        1,
                        "IN1-3"),
                words(
                        Sentence.NO_MEMBER_ID,
                        "Insurance 1 has no member (policy) number (IN1-36): add it to the patient's case in WebPT.",
                        1,
                        "IN1-36"),
                words(
                        Sentence.NO_FACILITY,
                        "The visit names no facility (PV1-3.4, FT1-16.4): set the facility's Alternate ID in WebPT to"
                                + " its billing Sequence Number.",
                        "PV1-3.4, FT1-16.4"),
                words(
                        Sentence.NO_PROVIDER,
                        "The encounter names no rendering provider (FT1-20, PV1-7).",
                        "rendering provider",
                        "FT1-20, PV1-7"),
                words(
                        Sentence.NO_PROVIDER_ALTERNATE_ID,
                        "The rendering provider (FT1-20) has no Alternate ID: set the provider's Alternate ID in WebPT"
                                + " to their billing Sequence Number.",
                        "rendering provider",
                        "FT1-20"),
                words(
                        Sentence.NO_PROVIDER_NPI,
                        "The referring provider (PV1-8) has no NPI (looked in XCN.13 = NPI): add the provider's NPI"
                                + " in WebPT.",
                        "referring provider",
                        "PV1-8",
                        "XCN.13 = NPI"),
                words(
                        Sentence.NO_CHARGES,
                        "The encounter has no charges (no FT1 segment): a DFT^P03 must carry at least one charge."),
                words(
                        Sentence.NO_TRANSACTION_ID,
                        "Charge 2 has no transaction ID (FT1-2): it is what keeps a charge from being posted twice.",
                        2,
                        "FT1-2"),
                words(Sentence.NO_SERVICE_DATE, "Charge 1 has no date of service (FT1-4).", 1, "FT1-4"),
                words(
                        Sentence.NO_PROCEDURE_CODE,
                        "Charge 3 has no CPT/HCPCS code (FT1-25.1, FT1-7.1).",
                        3,
                        "FT1-25.1, FT1-7.1"),
                words(
                        Sentence.NOT_A_NUMBER,
                        "Charge 1 has units 'two' (FT1-10): it must be a number of 0 or more.",
                        1,
                        "units",
                        "two",
                        "FT1-10"),
                words(Sentence.TOO_MANY_MODIFIERS, "Charge 1 has 5 modifiers; a charge takes at most 4.", 1, 5),
                words(
                        Sentence.POINTER_WITHOUT_DG1,
                        "Charge 1 points at DG1 set ID 7, which no DG1 segment has (FT1-19): correct the charge's"
                                + " diagnoses in WebPT.",
                        1,
                        "7",
                        "FT1-19"),
                words(
                        Sentence.POINTER_NOT_A_SET_ID,
                        "Charge 2 has 'M54.5' where a DG1 set ID belongs (FT1-19): correct the charge's diagnoses in"
                                + " WebPT.",
                        2,
                        "M54.5",
                        "FT1-19"),
                words(
                        Sentence.UNKNOWN_CHARGE_TYPE,
                        "FT1 2 has transaction type 'C' (FT1-6), which is not in HL7 table 0017: send CG for a charge"
                                + " (CD credit, PY payment, AJ adjustment and CO co-payment are not posted). Correct"
                                + " the charge's type in WebPT's charge setup.",
                        2,
                        "C",
                        "FT1-6"),
                words(
                        Sentence.NOTHING_TO_POST,
                        "FT1 1 is a payment (PY), which the billing interface does not post, and the message has no"
                                + " charge (CG): it would post nothing. Send the visit's charges.",
                        1,
                        "a payment (PY)"),
                words(
                        Sentence.REPEATED_TRANSACTION_ID,
                        "Charge 2 has transaction ID T1 (FT1-2), the same as charge 1: each charge needs its own"
                                + " transaction ID, since a charge is posted once per transaction ID. Correct the"
                                + " charges in WebPT and send the visit again.",
                        2,
                        "T1",
                        "FT1-2",
                        1),
                words(
                        Sentence.NOT_A_CPT_CODE,
                        "Charge 1 has code 'EVAL-LOW' (FT1-25.1), which is not a CPT/HCPCS code (5 letters or digits,"
                                + " e.g. 97110) and cannot be added to the billing system: correct the charge's"
                                + " CPT/HCPCS code in WebPT's charge setup and send the visit again.",
                        1,
                        "EVAL-LOW",
                        "FT1-25.1"),
                words(
                        Sentence.NEW_PATIENT_WITHOUT,
                        "Patient P1 is new to the billing system and the message has no date of birth (PID-7.1): a"
                                + " billing patient needs both. Add it to the patient's demographics in WebPT and"
                                + " send the patient again.",
                        "P1",
                        "date of birth",
                        "PID-7.1"),
                words(
                        Sentence.CONTENT_REFUSED,
                        "The billing database refused the charge in FT1[2] as it stands (SQLSTATE 23514: a value or"
                                + " rule of the billing tables it does not meet); nothing was applied. Correct it in"
                                + " WebPT and send it again, or ask the interface analyst which billing rule it"
                                + " breaks.",
                        "the charge in FT1[2]",
                        "23514"),
                words(
                        Sentence.NO_AMOUNT,
                        "Charge 1 has no amount and code 97110 has no default charge: send the amount (FT1-11) or give"
                                + " the code a default charge (`bridge procedure-code update 97110 --default-charge"
                                + " 45.00`).",
                        1,
                        "97110"),
                words(Sentence.PAYER_KEY, "Payer Alternate ID 1042", "1042"),
                words(Sentence.FACILITY_KEY, "Facility Alternate ID 7", "7"),
                words(Sentence.PROVIDER_KEY, "Rendering provider Alternate ID 12", "12"),
                words(Sentence.REFERRING_PROVIDER_KEY, "Referring provider NPI 1548215544", "1548215544"),
                words(Sentence.PROCEDURE_CODE_KEY, "Procedure code 97999", "97999"),
                words(
                        Sentence.NOT_A_SEQUENCE_NUMBER,
                        "Payer Alternate ID 'BCBS' (IN1-3) is not a billing Sequence Number (a number): enter the"
                                + " billing Sequence Number as the Alternate ID in WebPT.",
                        "Payer",
                        "BCBS",
                        "IN1-3"),
                words(
                        Sentence.PROVIDER_NOT_A_SEQUENCE_NUMBER,
                        "Rendering provider Alternate ID 'DRX' (FT1-20) is not a billing Sequence Number (a number):"
                                + " enter the provider's billing Sequence Number as the Alternate ID in WebPT.",
                        "DRX",
                        "FT1-20"),
                words(
                        Sentence.UNKNOWN_PAYER,
                        "Payer Alternate ID 1042 (IN1-3) is not a billing payer Sequence Number: add the payer in the"
                                + " billing system and copy its Sequence Number into WebPT's Alternate ID.",
                        "Payer Alternate ID 1042",
                        "IN1-3"),
                words(
                        Sentence.UNKNOWN_FACILITY,
                        "Facility Alternate ID 7 (PV1-3) is not a billing facility Sequence Number: add the facility"
                                + " in the billing system and enter its Sequence Number as the facility's Alternate ID"
                                + " in WebPT.",
                        "Facility Alternate ID 7",
                        "PV1-3"),
                words(
                        Sentence.UNKNOWN_PROVIDER,
                        "Rendering provider Alternate ID 12 (FT1-20) is not a billing provider Sequence Number: add"
                                + " the provider in the billing system (with the same NPI as in WebPT) and enter its"
                                + " Sequence Number as the provider's Alternate ID in WebPT.",
                        "Rendering provider Alternate ID 12",
                        "FT1-20"),
                words(
                        Sentence.UNKNOWN_REFERRING_PROVIDER,
                        "Referring provider NPI 1548215544 (PV1-8) is not in the billing system: add the referring"
                                + " provider with this NPI.",
                        "Referring provider NPI 1548215544",
                        "PV1-8"),
                words(
                        Sentence.UNKNOWN_PROCEDURE_CODE,
                        "Procedure code 97999 (FT1[2]-25) is not in the billing system: add the CPT/HCPCS code in the"
                                + " billing system.",
                        "Procedure code 97999",
                        "FT1[2]-25"),
                words(
                        Sentence.INACTIVE_RECORD,
                        "Payer Alternate ID 1043 (IN1-3) is billing payer 1043, which exists but is inactive:"
                                + " reactivating it (R) releases the waiting message; do not add it again.",
                        "Payer Alternate ID 1043",
                        "IN1-3",
                        "payer",
                        "1043",
                        "R"),
                words(
                        Sentence.INACTIVE_CODE,
                        "Procedure code 97110 (FT1-25) is in the billing system, which exists but is inactive:"
                                + " reactivating it (R) releases the waiting message; do not add it again.",
                        "Procedure code 97110",
                        "FT1-25",
                        "R"),
                words(
                        Sentence.REACTIVATION,
                        "`bridge payer update 1043 --activate`, or PUT /api/payers/1043 with \"active\": true",
                        "payer",
                        "1043",
                        "payers"),
                words(
                        Sentence.NPI_MISMATCH,
                        "Rendering provider 12 has NPI 1234567893 in WebPT (FT1-20) but NPI 1548215544 in the billing"
                                + " system: check both against NPPES; correct the billing record's NPI only if WebPT's"
                                + " is right, otherwise correct it in WebPT.",
                        "12",
                        "1234567893",
                        "FT1-20",
                        "1548215544"),
                words(
                        Sentence.INVALID_NPI,
                        "The rendering provider's NPI 1234567890 (FT1-20) is not a valid NPI (10 digits with a correct"
                                + " check digit): correct it in WebPT.",
                        "rendering",
                        "1234567890",
                        "FT1-20"),
                words(Sentence.WORKLIST_TITLE, "Payer Alternate ID 2001 (IN1-3)", "Payer Alternate ID 2001", "IN1-3"),
                words(Sentence.NPI_MISMATCH_KEY, "NPI mismatch for rendering provider 12", "12"),
                words(Sentence.ERROR_GROUP, "data type error (102)", "data type error", 102),
                words(
                        Sentence.ADD_PAYER,
                        "Add the payer in the billing system (or import it under Sequence Number 2001).",
                        "2001"),
                words(
                        Sentence.ADD_FACILITY,
                        "Add the facility in the billing system (or import it under Sequence Number 7).",
                        "7"),
                words(
                        Sentence.ADD_PROVIDER,
                        "Add the provider with WebPT's NPI (or import it under Sequence Number 12).",
                        "12"),
                words(Sentence.ADD_REFERRING_PROVIDER, "Add the referring provider with this NPI."),
                words(Sentence.ADD_PROCEDURE_CODE, "Add the CPT/HCPCS code in the billing system."),
                words(
                        Sentence.REACTIVATE,
                        "The payer 1043 exists in the billing system but is inactive: reactivate it (R); the waiting"
                                + " messages are then reprocessed. Do not add it again.",
                        "payer",
                        "1043",
                        "R"),
                words(
                        Sentence.CORRECT_NPI,
                        "WebPT sends a different NPI for rendering provider 12 (see the detail) than the billing record"
                                + " has. Check both against NPPES. Only if WebPT's NPI is right, correct the billing"
                                + " record's NPI (`bridge provider update 12 --npi <WebPT's NPI>`, which reprocesses the"
                                + " waiting messages); otherwise correct the NPI in WebPT and have WebPT resend.",
                        "12"),
                words(
                        Sentence.CORRECT_NPI_OF,
                        "WebPT sends a different NPI for rendering provider 12 (see the detail) than the billing record"
                                + " has (1548215544). Check both against NPPES. Only if WebPT's NPI is right, correct"
                                + " the billing record's NPI (`bridge provider update 12 --npi <WebPT's NPI>`, which"
                                + " reprocesses the waiting messages); otherwise correct the NPI in WebPT and have"
                                + " WebPT resend.",
                        "12",
                        "1548215544"),
                words(
                        Sentence.REPORT_INTERNAL_ERROR,
                        "An internal error in the interface: report it; reprocess the messages once it is fixed."),
                words(
                        Sentence.FINDING_NO_THERAPY_MODIFIER,
                        "Charge 2 (97110) has no therapy modifier: Medicare needs GP on every physical therapy line."
                                + " Add GP to the charge in WebPT and re-bill the visit.",
                        2,
                        "97110",
                        "Medicare",
                        "GP"),
                words(
                        Sentence.FINDING_WRONG_THERAPY_MODIFIER,
                        "Charge 1 (97530) has modifier GO, which is for occupational therapy: this is a physical"
                                + " therapy interface, so Medicare needs GP. Correct the modifier in WebPT and re-bill"
                                + " the visit.",
                        1,
                        "97530",
                        "GO",
                        "occupational therapy",
                        "Medicare",
                        "GP"),
                words(
                        Sentence.FINDING_EIGHT_MINUTE_RULE,
                        "The visit bills 3 unit(s) of timed codes for 37 treatment minutes: under the 8-minute rule"
                                + " Medicare pays 2 unit(s). Correct the units or the minutes in WebPT and re-bill the"
                                + " visit.",
                        3,
                        37,
                        "Medicare",
                        2),
                words(
                        Sentence.FINDING_TOO_MANY_TIMED_UNITS,
                        "The visit bills 9 units of timed 15-minute codes, more than 8 (over two hours of timed"
                                + " treatment): check the units in WebPT.",
                        9,
                        8),
                words(
                        Sentence.FINDING_ZERO_UNITS,
                        "Charge 2 (97140) is a timed code billed with 0 units: the payer pays nothing for it. Enter the"
                                + " units in WebPT and re-bill the visit.",
                        2,
                        "97140"),
                words(
                        Sentence.FINDING_DIAGNOSIS_MALFORMED,
                        "Diagnosis 54.50 is not a well-formed ICD-10-CM code (a letter, two characters, then up to four"
                                + " after a dot): correct it in WebPT.",
                        "54.50"),
                words(
                        Sentence.FINDING_INJURY_NO_SEVENTH,
                        "Diagnosis S83.511 is an injury code without its 7th character (A initial, D subsequent, S"
                                + " sequela; X placeholders first): payers deny it. Choose the complete code in WebPT.",
                        "S83.511"),
                words(
                        Sentence.FINDING_NO_DIAGNOSIS_POINTED,
                        "No charge of this visit points to a diagnosis: every claim line needs one. Link the charges to"
                                + " the visit's diagnoses in WebPT and re-bill the visit."),
                words(
                        Sentence.FINDING_NO_REFERRING_PROVIDER,
                        "The visit has no referring provider, which Medicare needs for therapy claims: enter the"
                                + " referring provider (with NPI) on the patient's case in WebPT.",
                        "Medicare"),
                words(
                        Sentence.FINDING_PLACE_OF_SERVICE,
                        "Place of service '21' of facility 7 is not one this interface bills (11, 12, 19, 22, 02, 10):"
                                + " correct the facility's place of service (bridge facility update 7"
                                + " --place-of-service).",
                        "21",
                        7,
                        "11, 12, 19, 22, 02, 10"),
                words(
                        Sentence.FINDING_NO_PLACE_OF_SERVICE,
                        "Facility 7 has no place of service and conf/rules names no default: set it with bridge"
                                + " facility update 7 --place-of-service 11.",
                        7),
                words(
                        Sentence.FINDING_TIMELY_FILING,
                        "The date of service 2026-05-20 is 185 days before this message, past the payer's filing limit"
                                + " of 90 days: the claim is likely to be denied as late. Send the visit promptly, or"
                                + " check for a filing-limit exception.",
                        "2026-05-20",
                        185,
                        "the payer",
                        90),
                words(Sentence.CORRECT_AND_RESEND, "Correct the data in WebPT and resend, or reprocess once fixed."));
    }

    private static Arguments words(Sentence sentence, String expected, Object... args) {
        return arguments(sentence, expected, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySentence")
    void eachSentenceReadsExactlyAsWritten(Sentence sentence, String expected, Object[] args) {
        assertThat(sentence.format(args)).isEqualTo(expected);
    }

    @Test
    void everySentenceHasItsCase() {
        Set<Sentence> covered = everySentence()
                .map(a -> (Sentence) a.get()[0])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sentence.class)));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered)))
                .as("sentences without a case")
                .isEmpty();
    }

    @Test
    void aProblemCarriesItsReasonLocationAndWords() {
        Problem p = Sentence.DATE_OF_BIRTH_NOT_A_DATE.at(ErrorLocation.component("PID", 1, 7, 1), "PID-7.1");
        assertThat(p.reason()).isEqualTo(NakReason.DATA_TYPE_ERROR);
        assertThat(p.reason().hl7Code()).isEqualTo(102);
        assertThat(p.location().display()).isEqualTo("PID-7.1");
        assertThat(p.sentence()).isEqualTo(Sentence.DATE_OF_BIRTH_NOT_A_DATE.format("PID-7.1"));
        assertThat(Sentence.STORE_UNAVAILABLE.problem().location()).isEqualTo(ErrorLocation.MESSAGE);
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsLeftAsSent() {
        assertThat(Sentence.WORKLIST_TITLE.format("Payer Alternate ID {where}", "IN1-3"))
                .isEqualTo("Payer Alternate ID {where} (IN1-3)");
    }

    @Test
    void theWrongNumberOfValuesIsABugThatSaysWhichPlaceholders() {
        assertThatThrownBy(() -> Sentence.NO_SERVICE_DATE.format(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[n, where]");
        assertThatThrownBy(() -> Sentence.ADD_PAYER.at(ErrorLocation.MESSAGE, "1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theInactiveNakAndTheWorklistShareOneReactivation() {
        Problem nak = ReferenceSentences.inactive(
                ReferenceKind.PAYER, ErrorLocation.field("IN1", 1, 3), "1043", "IN1-3", "1043");
        String reactivation = "`bridge payer update 1043 --activate`, or PUT /api/payers/1043 with \"active\": true";
        assertThat(nak.sentence())
                .isEqualTo("Payer Alternate ID 1043 (IN1-3) is billing payer 1043, which exists but is inactive:"
                        + " reactivating it (" + reactivation + ") releases the waiting message; do not add it again.");
        assertThat(ReferenceSentences.reactivate(ReferenceKind.PAYER, "1043"))
                .isEqualTo("The payer 1043 exists in the billing system but is inactive: reactivate it (" + reactivation
                        + "); the waiting messages are then reprocessed. Do not add it again.");
        assertThat(ReferenceSentences.inactive(
                                ReferenceKind.PROCEDURE_CODE, ErrorLocation.MESSAGE, "97110", "FT1-25", "97110")
                        .sentence())
                .startsWith("Procedure code 97110 (FT1-25) is in the billing system, which exists but is inactive")
                .contains("`bridge procedure-code update 97110 --activate`, or PUT /api/procedure-codes/97110");
    }

    @Test
    void theNakAndTheWorklistNameARecordTheSameWay() {
        for (ReferenceKind kind : ReferenceKind.values()) {
            String named = ReferenceSentences.named(kind, "K1");
            Problem unknown = ReferenceSentences.unknown(kind, ErrorLocation.MESSAGE, "K1", "AT-1");
            assertThat(unknown.sentence()).startsWith(named + " (AT-1) ");
            assertThat(unknown.reason()).isEqualTo(NakReason.UNKNOWN_KEY);
        }
        for (WaitingKind kind : WaitingKind.values()) {
            assertThat(ReferenceSentences.title(kind, "K1", "AT-1")).endsWith(" K1 (AT-1)");
            assertThat(ReferenceSentences.title(kind, "K1", "")).endsWith(" K1");
            assertThat(ReferenceSentences.add(kind, "K1")).isNotBlank();
        }
        assertThat(ReferenceSentences.title(WaitingKind.PAYER, "2001", "IN1-3"))
                .isEqualTo("Payer Alternate ID 2001 (IN1-3)");
        assertThat(ReferenceSentences.errorTitle("data type error", 102, "PID-7"))
                .isEqualTo("data type error (102) (PID-7)");
        assertThat(Arrays.stream(WaitingKind.values()).map(k -> ReferenceSentences.title(k, "9", null)))
                .containsExactly(
                        "Payer Alternate ID 9",
                        "Facility Alternate ID 9",
                        "Rendering provider Alternate ID 9",
                        "NPI mismatch for rendering provider 9",
                        "Referring provider NPI 9",
                        "Procedure code 9");
    }
}
