package com.webptbridge.mapping;

import com.webptbridge.billing.PatientField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mapping profile: the shipped one (conf/profiles/webpt.yaml) loads as written, and a typo stops the load naming itself. */
class MappingProfileTest {

    @TempDir
    Path dir;

    private static final String PATIENT =
            "patient:\n  patientId: { from: PID-3.1, identifierTypes: [mr, PI] }\n  lastName: PID-5.1\n";

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theShippedProfileLoadsWithTheDefaultWebptPositions() {
        MappingProfile p = MappingProfile.webptDefault();

        assertThat(p.name()).isEqualTo("webpt-default");
        assertThat(p.patientId()).hasToString("PID-3.1");
        assertThat(p.patientIdTypes()).containsExactly("MR", "PI");
        assertThat(p.position(PatientField.LAST_NAME)).hasToString("PID-5.1");
        assertThat(p.positions(ProfileKey.ENCOUNTER_FACILITY))
                .extracting(Object::toString)
                .containsExactly("PV1-3.4", "FT1-16.4");
        assertThat(p.positions(ProfileKey.ENCOUNTER_RENDERING_PROVIDER))
                .extracting(Object::toString)
                .containsExactly("FT1-20", "PV1-7");
        assertThat(p.positions(ProfileKey.ENCOUNTER_REFERRING_PROVIDER))
                .extracting(Object::toString)
                .containsExactly("PV1-8", "FT1-21");
        assertThat(p.positions(ProfileKey.CHARGE_PROCEDURE_CODE))
                .extracting(Object::toString)
                .containsExactly("FT1-25.1", "FT1-7.1");
        assertThat(p.positions(ProfileKey.CHARGE_UNITS))
                .extracting(Object::toString)
                .containsExactly("FT1-10");
        assertThat(p.positions(ProfileKey.INSURANCE_MEMBER_ID))
                .extracting(Object::toString)
                .containsExactly("IN1-36");
        // WebPT sends no revenue code: the key is commented out, so the code's default applies.
        assertThat(p.positions(ProfileKey.CHARGE_REVENUE_CODE)).isEmpty();
    }

    @Test
    void theProfileInConfLoadsFromItsPathLikeTheBuiltInOne() {
        MappingProfile fromConf = MappingProfile.load(Path.of("conf/profiles/webpt.yaml"));
        MappingProfile builtIn = MappingProfile.webptDefault();

        for (ProfileKey key : ProfileKey.values()) {
            assertThat(fromConf.positions(key)).as(key.name()).isEqualTo(builtIn.positions(key));
        }
    }

    @Test
    void aMinimalProfileLoadsAndLeavesUnnamedFieldsUnmapped() throws Exception {
        MappingProfile p =
                MappingProfile.load(write("name: small\n" + PATIENT + "charge:\n  units: [FT1-10, FT1-12]\n"));

        assertThat(p.name()).isEqualTo("small");
        assertThat(p.patientIdTypes()).containsExactly("MR", "PI");
        assertThat(p.position(PatientField.FIRST_NAME)).isNull();
        assertThat(p.positions(ProfileKey.CHARGE_UNITS))
                .extracting(Object::toString)
                .containsExactly("FT1-10", "FT1-12");
        assertThat(p.positions(ProfileKey.CHARGE_AMOUNT)).isEmpty();
    }

    @Test
    void aMisspelledChargeKeyIsRefusedNamingTheKeyAndTheValidOnes() throws Exception {
        Path file = write(PATIENT + "charge: { unts: FT1-10 }\n");

        assertThatThrownBy(() -> MappingProfile.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'charge.unts'")
                .hasMessageContaining("units");
    }

    @Test
    void aMisspelledPatientKeyIsRefusedNamingTheKey() throws Exception {
        Path file = write("patient:\n  patientId: PID-3.1\n  lastNmae: PID-5.1\n");

        assertThatThrownBy(() -> MappingProfile.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'patient.lastNmae'")
                .hasMessageContaining("lastName");
    }

    @Test
    void anUnknownSectionIsRefusedNamingTheSectionAndTheValidOnes() throws Exception {
        Path file = write(PATIENT + "charges:\n  units: FT1-10\n");

        assertThatThrownBy(() -> MappingProfile.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'charges'")
                .hasMessageContaining("charge, diagnosis, encounter, insurance");
    }

    @Test
    void aProfileWithoutPatientSectionIsRefused() throws Exception {
        Path file = write("name: x\ncharge:\n  units: FT1-10\n");

        assertThatThrownBy(() -> MappingProfile.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no 'patient' section");
    }

    @Test
    void aPatientSectionWithoutPatientIdIsRefused() throws Exception {
        Path file = write("patient:\n  lastName: PID-5.1\n");

        assertThatThrownBy(() -> MappingProfile.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'patientId'");
    }

    @Test
    void aPositionThatIsNotHl7SyntaxIsRefusedQuotingIt() throws Exception {
        Path file = write(PATIENT + "charge:\n  units: FT1_10\n");

        assertThatThrownBy(() -> MappingProfile.load(file)).hasMessageContaining("'FT1_10' is not an HL7 position");
    }

    @Test
    void aMissingFileIsReportedWithItsPath() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> MappingProfile.load(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString());
    }
}
