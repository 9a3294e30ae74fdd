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

    private PatientInfo map(String pid) throws Exception {
        String text = "MSH|^~\\&|W|C|B|F|2026||ADT^A08^ADT_A01|X|P|2.5.1\r" + pid + "\r";
        return mapper.map(new MessageView(PARSER.parse(text), StandardCharsets.UTF_8), problems);
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
                .extracting(p -> p.reason().hl7Code() + "@" + p.location().display())
                .containsExactly("102@PID-7", "103@PID-8", "102@PID-19");
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
}
