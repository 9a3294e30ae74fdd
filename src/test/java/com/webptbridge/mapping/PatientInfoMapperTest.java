package com.webptbridge.mapping;

import com.webptbridge.billing.PatientField;
import com.webptbridge.billing.PatientInfo;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.hl7.Problem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatientInfoMapperTest {

    private static final Hl7Parser PARSER = new Hl7Parser();
    private final PatientInfoMapper mapper =
            new PatientInfoMapper(MappingProfile.load(java.nio.file.Path.of("conf/profiles/webpt.yaml")));
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private PatientInfo map(String pid) throws Exception {
        return map(pid, "2.5.1");
    }

    private PatientInfo map(String pid, String version) throws Exception {
        String text = "MSH|^~\\&|W|C|B|F|2026||ADT^A08^ADT_A01|X|P|" + version + "\r" + pid + "\r";
        return mapper.map(new MessageView(PARSER.parse(text), StandardCharsets.UTF_8), problems, notes);
    }

    /** A PID with patient ID P1, last name Doe and the given fields, e.g. pid(19, "123456789"). */
    private static String pid(Object... fieldsAndValues) {
        String[] fields = new String[20];
        java.util.Arrays.fill(fields, "");
        fields[0] = "PID";
        fields[1] = "1";
        fields[3] = "P1^^^W^MR";
        fields[5] = "Doe";
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields[(Integer) fieldsAndValues[i]] = (String) fieldsAndValues[i + 1];
        }
        return String.join("|", fields);
    }

    @Test
    void a08WithEmptyPhoneLeavesPhoneAlone() throws Exception {
        PatientInfo info = map("PID|1||P1^^^W^MR||Doe^Jane||19800102|F");
        assertThat(info.changes()).doesNotContainKeys(PatientField.HOME_PHONE, PatientField.EMAIL, PatientField.SSN);
        assertThat(info.changes()).containsEntry(PatientField.DATE_OF_BIRTH, LocalDate.of(1980, 1, 2));
    }

    @Test
    void nullValueClearsAndAPresentFieldReplacesItsComponents() throws Exception {
        PatientInfo info = map("PID|1||P1^^^W^MR||Doe^Jane||\"\"||||1 Main^^Town^IL^62704||\"\"");
        assertThat(info.changes())
                .containsEntry(PatientField.DATE_OF_BIRTH, null)
                .containsEntry(PatientField.HOME_PHONE, null)
                .containsEntry(PatientField.MOBILE_PHONE, null)
                .containsEntry(PatientField.ADDRESS_LINE2, null)
                .containsEntry(PatientField.CITY, "Town")
                .containsEntry(PatientField.MIDDLE_NAME, null);
    }

    @Test
    void phonesAreChosenByUseCodeAndEquipment() throws Exception {
        PatientInfo info = map(
                "PID|1||P1^^^W^MR||Doe||||||||555-0100^PRN^PH~^PRN^CP^^^555^0199~^NET^Internet^j@x.org|^WPN^PH^^^555^0142^12");
        assertThat(info.changes())
                .containsEntry(PatientField.HOME_PHONE, "555-0100")
                .containsEntry(PatientField.MOBILE_PHONE, "(555)0199")
                .containsEntry(PatientField.EMAIL, "j@x.org")
                .containsEntry(PatientField.WORK_PHONE, "(555)0142 x12");
    }

    @Test
    void hexEscapesAreDecodedInTheMessageCharset() throws Exception {
        PatientInfo info = map("PID|1||P1^^^W^MR||Pe\\XC3B1\\a^\\H\\Ana\\N\\");
        assertThat(info.changes())
                .containsEntry(PatientField.LAST_NAME, "Peña")
                .containsEntry(PatientField.FIRST_NAME, "Ana");
    }

    @Test
    void theNoSsnMarkerClearsTheSsnAndDashesAreDropped() throws Exception {
        assertThat(map(pid(19, "999-99-9999")).changes()).containsEntry(PatientField.SSN, null);
        assertThat(map(pid(19, "999999999")).changes()).containsEntry(PatientField.SSN, null);
        assertThat(map(pid(19, "123-45-6789")).changes()).containsEntry(PatientField.SSN, "123456789");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws Exception {
        map(pid(7, "2026", 8, "Q", 19, "12345"));
        assertThat(problems)
                .as("a malformed SSN is a note, not a problem")
                .extracting(p -> p.reason().hl7Code() + "@" + p.location().display())
                .containsExactly("102@PID-7", "103@PID-8");
    }

    @Test
    void thePatientIdPrefersTheProfilesIdentifierTypes() throws Exception {
        assertThat(map("PID|1||111^^^SSA^SS~WP9^^^WEBPT^MR||Doe").patientId()).isEqualTo("WP9");
        assertThat(map("PID|1||777^^^X^XX||Doe").patientId()).isEqualTo("777");
        assertThat(map("PID|1||||Doe")).isNull();
        assertThat(problems).extracting(p -> p.reason().hl7Code()).containsExactly(101);
    }

    @Test
    void theBuiltInProfileIsTheShippedOne() {
        MappingProfile builtIn = MappingProfile.webptDefault();
        assertThat(builtIn.patientId().toString()).isEqualTo("PID-3.1");
        assertThat(builtIn.patientIdTypes()).containsExactly("MR", "PI");
        assertThat(builtIn.position(PatientField.SSN).toString()).isEqualTo("PID-19");
    }

    @Test
    void anEmailInXtn4IsReadWhateverTheUseCode() throws Exception {
        assertThat(map(pid(13, "^PRN^PH^rosa@example.org")).changes())
                .containsEntry(PatientField.EMAIL, "rosa@example.org")
                .containsEntry(PatientField.HOME_PHONE, null);
        assertThat(map(pid(13, "^NET^Internet^sam@example.org")).changes())
                .containsEntry(PatientField.EMAIL, "sam@example.org");
        assertThat(notes).anyMatch(n -> n.contains("XTN.4")).noneMatch(n -> n.contains("rosa@"));
    }

    @Test
    void everydayUseWordsAreReadAsTheirTableCodesAndNoted() throws Exception {
        PatientInfo info = map(pid(13, "(217)555-0101^HOME~(217)555-0199^CELL"));

        assertThat(info.changes())
                .containsEntry(PatientField.HOME_PHONE, "(217)555-0101")
                .containsEntry(PatientField.MOBILE_PHONE, "(217)555-0199");
        assertThat(notes)
                .anyMatch(n -> n.contains("'HOME'") && n.contains("PRN"))
                .noneMatch(n -> n.contains("555"));
    }

    @Test
    void aStreetAddressWithSubcomponentsIsJoinedWithASpace() throws Exception {
        assertThat(map(pid(11, "1000&Hospital Lane^Suite 5^Springfield^IL^62704"))
                        .changes())
                .containsEntry(PatientField.ADDRESS_LINE1, "1000 Hospital Lane")
                .containsEntry(PatientField.ADDRESS_LINE2, "Suite 5");
    }

    @Test
    void placeholderSsnsClearTheSsnAndAreNotedWithoutAProblem() throws Exception {
        for (String placeholder : List.of("99999999", "999999999", "999-99-9999", "000000000")) {
            notes.clear();
            assertThat(map(pid(19, placeholder)).changes()).containsEntry(PatientField.SSN, null);
            assertThat(problems).isEmpty();
            assertThat(notes).singleElement().asString().contains("placeholder").doesNotContain(placeholder);
        }
    }

    @Test
    void aMalformedSsnIsIgnoredNotAReasonToLoseThePatient() throws Exception {
        PatientInfo info = map(pid(19, "12345"));

        assertThat(problems).isEmpty();
        assertThat(info.changes()).doesNotContainKey(PatientField.SSN);
        assertThat(notes).singleElement().asString().contains("not 9 digits").doesNotContain("12345");
    }

    // --- issue 21: other vendors' shapes --------------------------------------------------

    @Test
    void anEmailIsTakenFromAnyRepetitionAndPlacement() throws Exception {
        for (String xtn : List.of(
                "(217)555-0101^PRN^PH^ana@example.org", // XTN.4 beside a phone number
                "(217)555-0101^PRN^PH~^NET^Internet^ana@example.org", // its own repetition
                "ana@example.org^NET^Internet", // XTN.1, coded NET
                "ana@example.org^^Internet", // XTN.1, equipment Internet only
                "ana@example.org^^X.400", // X.400
                "ana@example.org^EMAIL", // the use word
                "^ana@example.org", // XTN.2
                "(217)555-0101^PRN~ana@example.org^EMAIL^^^^555^0102")) { // a later repetition
            PatientInfo info = map(pid(13, xtn));
            assertThat(info.changes()).as(xtn).containsEntry(PatientField.EMAIL, "ana@example.org");
            assertThat(info.changes().get(PatientField.HOME_PHONE)).as(xtn).isNotEqualTo("ana@example.org");
        }
        assertThat(map(pid(13, "(217)555-0101^PRN^PH^ana@example.org")).changes())
                .containsEntry(PatientField.HOME_PHONE, "(217)555-0101");
        assertThat(notes).noneMatch(n -> n.contains("ana@"));
    }

    @Test
    void noRepetitionClearsAStoredEmailOnlyTheNullValueDoes() throws Exception {
        assertThat(map(pid(13, "(217)555-0101^PRN^PH")).changes())
                .containsEntry(PatientField.HOME_PHONE, "(217)555-0101")
                .doesNotContainKey(PatientField.EMAIL);
        assertThat(map(pid(13, "(217)555-0101^PRN^PH~^PRN^CP^^^217^5550199")).changes())
                .doesNotContainKey(PatientField.EMAIL);
        assertThat(map(pid(13, "\"\"")).changes()).containsEntry(PatientField.EMAIL, null);
    }

    @Test
    void streetAddressSubcomponentsAreJoinedOnceInOrderInEveryShape() throws Exception {
        for (String version : List.of("2.5.1", "2.3")) {
            for (String[] shape : List.of(
                    new String[] {"1000&Hospital Lane", "1000 Hospital Lane"}, // number & street name
                    new String[] {"12 Oak St&Oak St&12", "12 Oak St"}, // the whole street, then its parts
                    new String[] {"12 Oak St&Oak St", "12 Oak St"},
                    new String[] {"&Oak St&12", "Oak St 12"}, // parts only, in their order
                    new String[] {"Oak St&12 Oak St", "12 Oak St"}, // a part, then the whole
                    new String[] {"12 Oak St", "12 Oak St"})) {
                PatientInfo info = map(pid(11, shape[0] + "^Apt 2^Springfield^IL^62704"), version);
                assertThat(info.changes())
                        .as(version + " " + shape[0])
                        .containsEntry(PatientField.ADDRESS_LINE1, shape[1])
                        .containsEntry(PatientField.ADDRESS_LINE2, "Apt 2");
            }
        }
    }

    @Test
    void aPatientIdTypedSsAloneIsNoPatientId() throws Exception {
        assertThat(map("PID|1||123456789^^^SSA^SS||Doe")).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason().hl7Code()).isEqualTo(101);
            assertThat(p.location().display()).isEqualTo("PID-3");
            assertThat(p.sentence()).contains("national").contains("MR or PI").doesNotContain("123456789");
        });
        problems.clear();
        assertThat(map("PID|1||123456789^^^SSA^SS~777^^^X^XX||Doe").patientId()).isEqualTo("777");
        assertThat(map("PID|1||777^^^X||Doe").patientId()).as("untyped").isEqualTo("777");
    }

    @Test
    void aNewPatientNeedsALastNameAndADateOfBirth() throws Exception {
        assertThat(mapper.newPatientProblems(map("PID|1||P1^^^W^MR||Doe^Jane||19800102")))
                .isEmpty();
        assertThat(mapper.newPatientProblems(map("PID|1||P1^^^W^MR||^Jane||\"\"")))
                .extracting(p -> p.reason().hl7Code() + "@" + p.location().display())
                .containsExactly("101@PID-5", "101@PID-7");
        assertThat(mapper.newPatientProblems(map("PID|1||P1^^^W^MR")))
                .extracting(p -> p.reason().hl7Code() + "@" + p.location().display())
                .containsExactly("101@PID-5", "101@PID-7");
    }
}
