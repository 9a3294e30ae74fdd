package com.webptbridge.mapping;

import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The DFT^P03 mapper with the shipped WebPT profile and real HAPI parsing: each rule of the default
 * mapping (conf/profiles/webpt.yaml), and the problem (0357 code and location) a message that breaks it gets.
 */
class EncounterMapperTest {

    private static final Hl7Parser PARSER = new Hl7Parser();
    private static final String NPI_OID = "2.16.840.1.113883.4.6";
    private static final String RENDERING = "12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^NPI";

    private final EncounterMapper mapper = new EncounterMapper(MappingProfile.webptDefault());
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    // --- message building -----------------------------------------------------------------

    /** A segment with the given fields set, e.g. seg("FT1", 2, "T1", 4, "20261121"). */
    private static String seg(String name, Object... fieldsAndValues) {
        int max = 0;
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            max = Math.max(max, (Integer) fieldsAndValues[i]);
        }
        String[] fields = new String[max + 1];
        Arrays.fill(fields, "");
        fields[0] = name;
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields[(Integer) fieldsAndValues[i]] = (String) fieldsAndValues[i + 1];
        }
        return String.join("|", fields);
    }

    /** Defaults first, then the overrides (a later pair for the same field wins). */
    private static Object[] with(Object[] defaults, Object... overrides) {
        Object[] all = Arrays.copyOf(defaults, defaults.length + overrides.length);
        System.arraycopy(overrides, 0, all, defaults.length, overrides.length);
        return all;
    }

    private static String pv1(Object... overrides) {
        return seg(
                "PV1",
                with(
                        new Object[] {1, "1", 2, "O", 3, "^^^7", 8, "1987654328^Patel^Anita^^^^^^^^^^NPI", 19, "V100"},
                        overrides));
    }

    private static String ft1(int setId, Object... overrides) {
        return seg(
                "FT1",
                with(
                        new Object[] {
                            1,
                            String.valueOf(setId),
                            2,
                            "T" + setId,
                            4,
                            "20261121",
                            6,
                            "CG",
                            7,
                            "97110",
                            10,
                            "1",
                            11,
                            "45.00",
                            16,
                            "^^^7",
                            20,
                            RENDERING,
                            25,
                            "97110"
                        },
                        overrides));
    }

    private static String dg1(int setId, String code, Object... overrides) {
        return seg("DG1", with(new Object[] {1, String.valueOf(setId), 3, code + "^Dx^I10"}, overrides));
    }

    private static String in1(String priority, Object... overrides) {
        return seg(
                "IN1",
                with(
                        new Object[] {
                            1,
                            priority,
                            2,
                            "PLAN",
                            3,
                            "1042",
                            8,
                            "GRP100",
                            9,
                            "Acme Corp",
                            12,
                            "20260101",
                            13,
                            "20261231",
                            16,
                            "Doe^Jane",
                            17,
                            "SEL",
                            18,
                            "19800102",
                            19,
                            "1 Main St^^Springfield^IL^62704",
                            36,
                            "MEMBER1",
                            43,
                            "F"
                        },
                        overrides));
    }

    /** A DFT^P03 with MSH, EVN and PID, then the given segments. */
    private MappedEncounter map(String... segments) throws Exception {
        StringBuilder text =
                new StringBuilder("MSH|^~\\&|WEBPT|CLINIC01|CMD|BILLING|20261121090000||DFT^P03^DFT_P03|C1|P|2.5.1\r"
                        + "EVN|P03|20261121091000\rPID|1||WP1^^^WEBPT^MR||Doe^Jane||19800102|F\r");
        for (String s : segments) {
            text.append(s).append('\r');
        }
        return mapper.map(new MessageView(PARSER.parse(text.toString()), StandardCharsets.UTF_8), problems, notes);
    }

    /** Problems as "code@location", the way an analyst reads ERR-3 and ERR-2. */
    private List<String> problemCodes() {
        return problems.stream()
                .map(p -> p.reason().hl7Code() + "@" + p.location().display())
                .toList();
    }

    // --- a whole message ------------------------------------------------------------------

    @Test
    void aCompleteDftMapsPatientPolicyVisitDiagnosesAndChargesWithoutProblems() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 19, "M54.50"), dg1(1, "M54.50"), in1("1"));

        assertThat(problems).isEmpty();
        assertThat(e.patient().patientId()).isEqualTo("WP1");
        assertThat(e.visitNumber()).isEqualTo("V100");
        assertThat(e.policies()).singleElement().satisfies(p -> {
            assertThat(p.priority()).isEqualTo(1);
            assertThat(p.payer().value()).isEqualTo("1042");
            assertThat(p.coverage().memberId()).isEqualTo("MEMBER1");
            assertThat(p.coverage().groupNumber()).isEqualTo("GRP100");
            assertThat(p.coverage().groupName()).isEqualTo("Acme Corp");
            assertThat(p.coverage().effectiveDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(p.coverage().expirationDate()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(p.coverage().insuredLastName()).isEqualTo("Doe");
            assertThat(p.coverage().insuredFirstName()).isEqualTo("Jane");
            assertThat(p.coverage().relationship()).isEqualTo("SEL");
            assertThat(p.coverage().insuredCity()).isEqualTo("Springfield");
            assertThat(p.coverage().insuredSex()).isEqualTo("F");
        });
        assertThat(e.diagnoses()).containsExactly("M54.50");
        assertThat(e.charges()).singleElement().satisfies(c -> {
            assertThat(c.transactionId()).isEqualTo("T1");
            assertThat(c.serviceDate()).isEqualTo(LocalDate.of(2026, 11, 21));
            assertThat(c.procedureCode().value()).isEqualTo("97110");
            assertThat(c.units()).isEqualByComparingTo("1");
            assertThat(c.amount()).isEqualByComparingTo("45.00");
            assertThat(c.unitAmount()).isNull();
            assertThat(c.revenueCode()).isNull();
            assertThat(c.diagnosisPointers()).containsExactly(1);
        });
    }

    // --- policies (IN1) -------------------------------------------------------------------

    @Test
    void eachIn1BecomesAPolicyWithItsPriority() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1), in1("1"), in1("2", 3, "1043", 36, "M2"), in1("3", 3, "1044", 36, "M3"));

        assertThat(problems).isEmpty();
        assertThat(e.policies())
                .extracting(p -> p.priority(), p -> p.payer().value(), p -> p.coverage()
                        .memberId())
                .containsExactly(tuple(1, "1042", "MEMBER1"), tuple(2, "1043", "M2"), tuple(3, "1044", "M3"));
    }

    @Test
    void aPriorityOtherThan1To3IsATableErrorAtThatIn1AndThePolicyIsLeftOut() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1), in1("1"), in1("4", 3, "1043"));

        assertThat(problemCodes()).containsExactly("103@IN1[2]-1");
        assertThat(problems.get(0).reason()).isEqualTo(NakReason.TABLE_VALUE_NOT_FOUND);
        assertThat(problems.get(0).sentence()).contains("'4'").contains("1 (primary), 2 (secondary) or 3 (tertiary)");
        assertThat(e.policies()).extracting(MappedPolicy::priority).containsExactly(1);
    }

    @Test
    void anEmptyPriorityIsATableErrorToo() throws Exception {
        map(pv1(), ft1(1), in1(""));

        assertThat(problemCodes()).containsExactly("103@IN1-1");
    }

    @Test
    void aPolicyWithoutPayerIsARequiredFieldMissingAtIn1Dash3() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1), in1("1"), in1("2", 3, ""));

        assertThat(problemCodes()).containsExactly("101@IN1[2]-3");
        assertThat(problems.get(0).sentence())
                .contains("Insurance 2 names no payer")
                .contains("IN1-3.1");
        assertThat(e.policies())
                .extracting(MappedPolicy::payer)
                .extracting(k -> k == null ? null : k.value())
                .containsExactly("1042", null);
    }

    @Test
    void aPolicyWithoutMemberIdIsARequiredFieldMissingAtIn1Dash36() throws Exception {
        map(pv1(), ft1(1), in1("1", 36, ""));

        assertThat(problemCodes()).containsExactly("101@IN1-36");
        assertThat(problems.get(0).sentence()).contains("member (policy) number");
    }

    @Test
    void aDftWithoutIn1HasNoPoliciesAndNoProblem() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1));

        assertThat(problems).isEmpty();
        assertThat(e.policies()).isEmpty();
    }

    // --- facility -------------------------------------------------------------------------

    @Test
    void facilityComesFromPv1Dash3Dot4First() throws Exception {
        MappedEncounter e = map(pv1(3, "^^^7"), ft1(1, 16, "^^^9"));

        assertThat(e.facility().value()).isEqualTo("7");
        assertThat(e.facility().position()).hasToString("PV1-3.4");
        assertThat(e.facility().at().display()).isEqualTo("PV1-3");
    }

    @Test
    void facilityFallsBackToFt1Dash16Dot4WhenPv1HasNone() throws Exception {
        MappedEncounter e = map(pv1(3, ""), ft1(1, 16, "^^^9"));

        assertThat(problems).isEmpty();
        assertThat(e.facility().value()).isEqualTo("9");
        assertThat(e.facility().position()).hasToString("FT1-16.4");
        assertThat(e.facility().at().display()).isEqualTo("FT1-16");
    }

    @Test
    void noFacilityAnywhereIsARequiredFieldMissing() throws Exception {
        MappedEncounter e = map(pv1(3, ""), ft1(1, 16, ""));

        assertThat(problemCodes()).containsExactly("101@PV1-3");
        assertThat(problems.get(0).sentence()).contains("PV1-3.4 or FT1-16.4");
        assertThat(e.facility()).isNull();
    }

    // --- rendering provider ---------------------------------------------------------------

    @Test
    void renderingNpiIsFoundByXcn13() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 20, "1234567893^Reyes^^^^^^^^^^^NPI~12^Reyes"));

        assertThat(problems).isEmpty();
        ProviderKey p = e.renderingProvider();
        assertThat(p.npi()).isEqualTo("1234567893");
        assertThat(p.alternateId()).isEqualTo("12");
        assertThat(p.npiRule()).isEqualTo("XCN.13 = NPI");
        assertThat(p.at().display()).isEqualTo("FT1-20");
    }

    @Test
    void renderingNpiIsFoundByXcn9NamingNpiAsText() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 20, RENDERING));

        assertThat(problems).isEmpty();
        assertThat(e.renderingProvider().npi()).isEqualTo("1234567893");
        assertThat(e.renderingProvider().alternateId()).isEqualTo("12");
        assertThat(e.renderingProvider().npiRule()).isEqualTo("XCN.9 names the NPI authority");
    }

    @Test
    void renderingNpiIsFoundByXcn9NamingTheNpiOid() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 20, "12^Reyes~1234567893^Reyes^^^^^^^" + NPI_OID));

        assertThat(problems).isEmpty();
        assertThat(e.renderingProvider().npi()).isEqualTo("1234567893");
        assertThat(e.renderingProvider().npiRule()).isEqualTo("XCN.9 names the NPI authority");
    }

    @Test
    void renderingNpiIsFoundByTheOidInXcn9UniversalId() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 20, "12^Reyes~1234567893^Reyes^^^^^^^&" + NPI_OID + "&ISO"));

        assertThat(problems).isEmpty();
        assertThat(e.renderingProvider().npi()).isEqualTo("1234567893");
        assertThat(e.renderingProvider().alternateId()).isEqualTo("12");
    }

    @Test
    void alternateIdIsTheFirstXcn1ThatIsNotTheNpi() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 20, "1234567893^Reyes^^^^^^^NPI~12^Reyes~13^Reyes"));

        assertThat(problems).isEmpty();
        assertThat(e.renderingProvider().alternateId()).isEqualTo("12");
        assertThat(e.renderingProvider().npi()).isEqualTo("1234567893");
    }

    @Test
    void renderingProviderWithOnlyAnNpiHasNoAlternateId() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 20, "1234567893^Reyes^^^^^^^NPI"));

        assertThat(problemCodes()).containsExactly("101@FT1-20");
        assertThat(problems.get(0).sentence()).contains("rendering provider (FT1-20) has no Alternate ID");
        assertThat(e.renderingProvider().alternateId()).isNull();
        assertThat(e.renderingProvider().npi()).isEqualTo("1234567893");
    }

    @Test
    void renderingProviderWithoutMarkedNpiHasNoNpiEvenWithATenDigitId() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 20, "12^Reyes~1234567893^Reyes"));

        assertThat(problemCodes()).containsExactly("101@FT1-20");
        assertThat(problems.get(0).sentence()).contains("has no NPI");
        assertThat(e.renderingProvider().npi()).isNull();
        assertThat(e.renderingProvider().alternateId()).isEqualTo("12");
    }

    @Test
    void renderingProviderFromPv1Dash7WhenFt1NamesNone() throws Exception {
        MappedEncounter e = map(pv1(7, "21^Kim~1111111112^Kim^^^^^^^NPI"), ft1(1, 20, ""));

        assertThat(problems).isEmpty();
        assertThat(e.renderingProvider().position()).hasToString("PV1-7");
        assertThat(e.renderingProvider().at().display()).isEqualTo("PV1-7");
        assertThat(e.renderingProvider().alternateId()).isEqualTo("21");
        assertThat(e.renderingProvider().npi()).isEqualTo("1111111112");
    }

    @Test
    void noRenderingProviderAnywhereIsARequiredFieldMissing() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 20, ""));

        assertThat(problemCodes()).containsExactly("101@FT1-20");
        assertThat(problems.get(0).sentence())
                .contains("names no rendering provider")
                .contains("FT1-20 or PV1-7");
        assertThat(e.renderingProvider()).isNull();
    }

    // --- referring provider ---------------------------------------------------------------

    @Test
    void referringProviderUnmarkedTenDigitXcn1IsTakenAsNpi() throws Exception {
        MappedEncounter e = map(pv1(8, "1987654328^Patel^Anita"), ft1(1));

        assertThat(problems).isEmpty();
        ProviderKey r = e.referringProvider();
        assertThat(r.npi()).isEqualTo("1987654328");
        assertThat(r.alternateId()).isNull();
        assertThat(r.npiRule()).isEqualTo("unmarked 10-digit XCN.1");
        assertThat(r.at().display()).isEqualTo("PV1-8");
    }

    @Test
    void referringProviderMarkedNpiIsTakenByItsMark() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1));

        assertThat(e.referringProvider().npi()).isEqualTo("1987654328");
        assertThat(e.referringProvider().npiRule()).isEqualTo("XCN.13 = NPI");
    }

    @Test
    void referringProviderWithAShortUnmarkedIdHasNoNpi() throws Exception {
        MappedEncounter e = map(pv1(8, "77^Patel"), ft1(1));

        assertThat(problemCodes()).containsExactly("101@PV1-8");
        assertThat(problems.get(0).sentence()).contains("referring provider (PV1-8) has no NPI");
        assertThat(e.referringProvider().npi()).isNull();
    }

    @Test
    void referringProviderFallsBackToFt1Dash21() throws Exception {
        MappedEncounter e = map(pv1(8, ""), ft1(1, 21, "1987654328^Patel"));

        assertThat(problems).isEmpty();
        assertThat(e.referringProvider().npi()).isEqualTo("1987654328");
        assertThat(e.referringProvider().position()).hasToString("FT1-21");
    }

    @Test
    void noReferringProviderIsNotAProblem() throws Exception {
        MappedEncounter e = map(pv1(8, ""), ft1(1));

        assertThat(problems).isEmpty();
        assertThat(e.referringProvider()).isNull();
    }

    // --- diagnoses ------------------------------------------------------------------------

    @Test
    void diagnosesAreOrderedByPriorityThenSetId() throws Exception {
        MappedEncounter e = map(
                pv1(),
                ft1(1),
                dg1(1, "M25.561", 15, "2"),
                dg1(2, "S83.511A", 15, "1"),
                dg1(3, "M62.81", 15, "3"),
                dg1(5, "R26.2"),
                dg1(4, "M79.1"));

        // No priority sorts after every priority; among those, set ID decides.
        assertThat(e.diagnoses()).containsExactly("S83.511A", "M25.561", "M62.81", "M79.1", "R26.2");
    }

    @Test
    void aDiagnosisSentTwiceIsListedOnceInItsBestPlace() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1), dg1(1, "M25.561"), dg1(2, "S83.511A"), dg1(3, "m25.561"));

        assertThat(e.diagnoses()).containsExactly("M25.561", "S83.511A");
    }

    @Test
    void ft1Dash19CodesPointIntoTheOrderedDiagnosisList() throws Exception {
        MappedEncounter e = map(
                pv1(),
                ft1(1, 19, "S83.511A~M25.561"),
                ft1(2, 19, "m62.81"),
                dg1(1, "M25.561", 15, "2"),
                dg1(2, "S83.511A", 15, "1"),
                dg1(3, "M62.81", 15, "3"));

        assertThat(problems).isEmpty();
        assertThat(e.charges()).extracting(MappedCharge::diagnosisPointers).containsExactly(List.of(1, 2), List.of(3));
    }

    @Test
    void anFt1Dash19CodeNoDg1ListsIsAddedToTheDiagnosesAndPointedAt() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 19, "M25.561"), ft1(2, 19, "M25.561~Z99.89"), dg1(1, "M25.561"));

        assertThat(problems).isEmpty();
        assertThat(e.diagnoses()).containsExactly("M25.561", "Z99.89");
        assertThat(e.charges().get(1).diagnosisPointers()).containsExactly(1, 2);
        assertThat(notes).anyMatch(n -> n.contains("Charge 2: 1 diagnosis code(s)"));
    }

    @Test
    void ft1Dash19CodesWithoutAnyDg1BecomeTheDiagnoses() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 19, "780.4~R51.9"), ft1(2, 19, "R51.9"));

        assertThat(problems).isEmpty();
        assertThat(e.diagnoses()).containsExactly("780.4", "R51.9");
        assertThat(e.charges()).extracting(MappedCharge::diagnosisPointers).containsExactly(List.of(1, 2), List.of(2));
    }

    @Test
    void aBareIntegerInFt1Dash19PointsAtTheDg1WithThatSetId() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 19, "2"), dg1(1, "M25.561", 15, "2"), dg1(2, "S83.511A", 15, "1"));

        assertThat(problems).isEmpty();
        // DG1 set ID 2 (S83.511A) is first in the ordered list.
        assertThat(e.charges().get(0).diagnosisPointers()).containsExactly(1);
    }

    @Test
    void aBareIntegerThatIsNoDg1SetIdIsADataTypeError() throws Exception {
        map(pv1(), ft1(1, 19, "3"), dg1(1, "M25.561"));

        assertThat(problemCodes()).containsExactly("102@FT1-19");
        assertThat(problems.get(0).sentence()).contains("set ID 3");
    }

    // --- charges (FT1) --------------------------------------------------------------------

    @Test
    void aDftWithoutFt1IsARequiredFieldMissingAtTheSegment() throws Exception {
        MappedEncounter e = map(pv1(7, RENDERING), in1("1"));

        assertThat(problemCodes()).containsExactly("101@FT1");
        assertThat(problems.get(0).sentence()).contains("no charges");
        assertThat(e.charges()).isEmpty();
        assertThat(e.serviceDate()).isNull();
    }

    @Test
    void aChargeWithoutTransactionIdIsARequiredFieldMissing() throws Exception {
        map(pv1(), ft1(1), ft1(2, 2, ""));

        assertThat(problemCodes()).containsExactly("101@FT1[2]-2");
        assertThat(problems.get(0).sentence()).contains("Charge 2 has no transaction ID");
    }

    @Test
    void aChargeWithoutDateOfServiceIsARequiredFieldMissing() throws Exception {
        map(pv1(), ft1(1, 4, ""));

        assertThat(problemCodes()).containsExactly("101@FT1-4");
        assertThat(problems.get(0).sentence()).contains("Charge 1 has no date of service");
    }

    @Test
    void aDateOfServiceThatIsNoDateIsADataTypeError() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 4, "20261341"));

        assertThat(problemCodes()).containsExactly("102@FT1-4");
        assertThat(e.charges().get(0).serviceDate()).isNull();
    }

    @Test
    void aChargeWithoutProcedureCodeIsARequiredFieldMissing() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 7, "", 25, ""));

        assertThat(problemCodes()).containsExactly("101@FT1-25");
        assertThat(problems.get(0).sentence()).contains("no CPT/HCPCS code").contains("FT1-25.1 or FT1-7.1");
        assertThat(e.charges().get(0).procedureCode()).isNull();
    }

    @Test
    void procedureCodeComesFromFt1Dash25BeforeFt1Dash7() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 7, "97110", 25, "97140"), ft1(2, 7, "g0283", 25, ""));

        assertThat(problems).isEmpty();
        assertThat(e.charges()).extracting(c -> c.procedureCode().value()).containsExactly("97140", "G0283");
        assertThat(e.charges())
                .extracting(c -> c.procedureCode().at().display())
                .containsExactly("FT1-25", "FT1[2]-7");
        assertThat(e.charges())
                .extracting(c -> c.procedureCode().position().toString())
                .containsExactly("FT1-25.1", "FT1-7.1");
    }

    @Test
    void upToFourModifiersAreTaken() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 26, "gp~KX~59~76"));

        assertThat(problems).isEmpty();
        assertThat(e.charges().get(0).modifiers()).containsExactly("GP", "KX", "59", "76");
    }

    @Test
    void moreThanFourModifiersIsADataTypeError() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 26, "GP~KX~59~76~77"));

        assertThat(problemCodes()).containsExactly("102@FT1-26");
        assertThat(problems.get(0).sentence()).contains("5 modifiers").contains("at most 4");
        assertThat(e.charges().get(0).modifiers()).hasSize(4);
    }

    @Test
    void negativeUnitsAreADataTypeError() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 10, "-1"));

        assertThat(problemCodes()).containsExactly("102@FT1-10");
        assertThat(problems.get(0).sentence()).contains("units '-1'");
        assertThat(e.charges().get(0).units()).isNull();
    }

    @Test
    void nonNumericUnitsAreADataTypeError() throws Exception {
        map(pv1(), ft1(1, 10, "two"));

        assertThat(problemCodes()).containsExactly("102@FT1-10");
    }

    @Test
    void negativeOrNonNumericAmountsAreDataTypeErrors() throws Exception {
        map(pv1(), ft1(1, 11, "-45.00"), ft1(2, 11, "", 12, "abc"));

        assertThat(problemCodes()).containsExactly("102@FT1-11", "102@FT1[2]-12");
        assertThat(problems.get(0).sentence()).contains("amount '-45.00'");
        assertThat(problems.get(1).sentence()).contains("unit amount 'abc'");
    }

    @Test
    void unitsAndAmountsOfTheMessageAreKept() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 10, "2", 11, "90.00", 12, "45.00"), ft1(2, 10, "", 11, ""));

        assertThat(problems).isEmpty();
        MappedCharge first = e.charges().get(0);
        assertThat(first.units()).isEqualByComparingTo(new BigDecimal("2"));
        assertThat(first.amount()).isEqualByComparingTo(new BigDecimal("90.00"));
        assertThat(first.unitAmount()).isEqualByComparingTo(new BigDecimal("45.00"));
        MappedCharge second = e.charges().get(1);
        assertThat(second.units()).isNull();
        assertThat(second.amount()).isNull();
    }

    @Test
    void nonChargeTransactionTypesAreSkippedWithANote() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 6, "PY", 7, "", 25, ""), ft1(2), ft1(3, 6, "", 25, ""));

        // The payment has no code, which would be a problem for a charge: it is not looked at.
        assertThat(problems).isEmpty();
        assertThat(notes).containsExactly("FT1 1 has transaction type PY: only charges (CG) are posted; skipped.");
        assertThat(e.charges()).extracting(MappedCharge::transactionId).containsExactly("T2", "T3");
    }

    @Test
    void aSkippedFt1KeepsTheNumberingOfTheChargesAfterIt() throws Exception {
        map(pv1(), ft1(1, 6, "AJ"), ft1(2, 2, ""));

        assertThat(problemCodes()).containsExactly("101@FT1[2]-2");
        assertThat(notes).hasSize(1);
    }

    @Test
    void serviceDateIsTheEarliestChargeDate() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 4, "20261123"), ft1(2, 4, "202611210930"), ft1(3, 4, "20261122"));

        assertThat(problems).isEmpty();
        assertThat(e.serviceDate()).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void everyProblemOfTheMessageIsCollected() throws Exception {
        map(pv1(3, ""), ft1(1, 2, "", 16, "", 26, "A~B~C~D~E"), in1("9"), in1("1", 36, ""));

        assertThat(problemCodes())
                .containsExactlyInAnyOrder("103@IN1-1", "101@IN1[2]-36", "101@FT1-2", "102@FT1-26", "101@PV1-3");
    }

    // --- issue 21: other vendors' shapes --------------------------------------------------

    @Test
    void anFt1TypeOutsideTable0017IsATableErrorAtItsFt1Dash6() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 6, "c"), ft1(2, 6, "CHARGE"), ft1(3, 6, "cg"));

        assertThat(problemCodes()).containsExactly("103@FT1-6", "103@FT1[2]-6");
        assertThat(problems.get(0).sentence()).contains("'C'").contains("table 0017");
        assertThat(e.charges())
                .extracting(MappedCharge::transactionId)
                .as("cg in any case is a charge")
                .containsExactly("T3");
    }

    @Test
    void aDftWhoseFt1sAreAllCreditsOrPaymentsNamesEachOfThem() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 6, "PY"), ft1(2, 6, "cd"));

        assertThat(e.charges()).isEmpty();
        assertThat(problemCodes()).containsExactly("101@FT1-6", "101@FT1[2]-6");
        assertThat(problems.get(0).sentence()).contains("a payment (PY)").contains("post nothing");
        assertThat(problems.get(1).sentence()).contains("a credit (CD)");
    }

    @Test
    void aCreditBesideACchargeIsStillOnlyNoted() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 6, "CD"), ft1(2));

        assertThat(problems).isEmpty();
        assertThat(e.charges()).extracting(MappedCharge::transactionId).containsExactly("T2");
    }

    @Test
    void twoChargesWithOneTransactionIdAreADataErrorAtTheSecondsFt1Dash2() throws Exception {
        map(pv1(), ft1(1, 2, "V9-1"), ft1(2, 2, "V9-2"), ft1(3, 2, "V9-1"), ft1(4, 2, "V9-1"));

        assertThat(problemCodes()).containsExactly("102@FT1[3]-2", "102@FT1[4]-2");
        assertThat(problems.get(0).sentence()).contains("V9-1").contains("same as charge 1");
    }

    @Test
    void anExplicitZeroAmountIsNoAmount() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 11, "0.00"), ft1(2, 11, "0.000000", 12, "0"), ft1(3, 11, "12.50"));

        assertThat(problems).isEmpty();
        assertThat(e.charges().get(0).amount()).isNull();
        assertThat(e.charges().get(1).amount()).isNull();
        assertThat(e.charges().get(1).unitAmount()).isNull();
        assertThat(e.charges().get(2).amount()).isEqualByComparingTo("12.50");
        assertThat(notes).anyMatch(n -> n.startsWith("Charge 1: amount 0"));
    }

    @Test
    void aCodeThatIsNoCptOrHcpcsCodeIsRefusedNamingWebptsChargeSetup() throws Exception {
        MappedEncounter e = map(pv1(), ft1(1, 7, "EVAL-LOW", 25, ""), ft1(2, 25, "9711"), ft1(3, 25, "g0283"));

        assertThat(problemCodes()).containsExactly("103@FT1-7", "103@FT1[2]-25");
        assertThat(problems.get(0).sentence())
                .contains("'EVAL-LOW'")
                .contains("not a CPT/HCPCS code")
                .contains("WebPT's charge setup")
                .doesNotContain("bridge procedure-code add");
        assertThat(problems).allMatch(p -> p.waitingFor() == null);
        assertThat(e.charges())
                .extracting(c ->
                        c.procedureCode() == null ? null : c.procedureCode().value())
                .containsExactly(null, null, "G0283");
    }

    @Test
    void theNpiIsFoundInEveryDocumentedPlacementOfTheAssigningAuthority() throws Exception {
        for (String xcn : List.of(
                "^^^^^^^^&1234567893&NPI~12^Reyes", // XCN.9.2 carries it, XCN.9.3 = NPI
                "12^Reyes^Maria^^^^^^&1234567893&NPI", // the same beside the Alternate ID
                "1234567893^Reyes^^^^^^^&&NPI~12^Reyes", // XCN.9.3 = NPI marks XCN.1
                "1234567893^Reyes^^^^^^^&" + NPI_OID + "&ISO~12^Reyes", // XCN.9.2 the OID
                "1234567893^Reyes^^^^^^^NPI~12^Reyes", // XCN.9.1 = NPI
                "1234567893^Reyes^^^^^^^^^^^NPI~12^Reyes")) { // XCN.13 = NPI
            problems.clear();
            MappedEncounter e = map(pv1(), ft1(1, 20, xcn));

            assertThat(problems).as(xcn).isEmpty();
            assertThat(e.renderingProvider().npi()).as(xcn).isEqualTo("1234567893");
            assertThat(e.renderingProvider().alternateId()).as(xcn).isEqualTo("12");
        }
    }

    @Test
    void noNpiFoundSaysWhereItWasLookedFor() throws Exception {
        map(pv1(), ft1(1, 20, "12^Reyes^Maria^^^^^^WEBPT"));

        assertThat(problemCodes()).containsExactly("101@FT1-20");
        assertThat(problems.get(0).sentence())
                .contains("no NPI (looked in")
                .contains("XCN.13 = NPI")
                .contains("XCN.9.3")
                .contains(NPI_OID);
    }

    @Test
    void theInsuredRelationshipIsStoredAsItsTable0063Code() throws Exception {
        MappedEncounter e = map(
                pv1(),
                ft1(1),
                in1("1", 17, "Self"),
                in1("2", 17, "Spouse"),
                in1("3", 17, "CHD"),
                in1("1", 17, "18"),
                in1("2", 17, "Neighbour"));

        assertThat(problems).isEmpty();
        assertThat(e.policies())
                .extracting(p -> p.coverage().relationship())
                .containsExactly("SEL", "SPO", "CHD", "SEL", null);
        assertThat(notes).anyMatch(n -> n.startsWith("Insurance 5:") && n.contains("left out"));
    }

    @Test
    void aSelfInsuredPolicyTakesWhatIn1LeavesEmptyFromPid() throws Exception {
        MappedEncounter e = map(
                pv1(),
                ft1(1),
                in1("1", 16, "", 17, "SELF", 18, "", 19, ""),
                in1("2", 16, "Roe^Sam", 17, "SPO", 18, "", 19, ""),
                in1("3", 16, "", 17, "SEL", 18, "19990101", 19, "9 Pine Rd^^Peoria^IL^61602"));

        assertThat(problems).isEmpty();
        assertThat(e.policies().get(0).coverage())
                .extracting(c -> c.insuredLastName(), c -> c.insuredFirstName(), c -> c.insuredDateOfBirth())
                .containsExactly("Doe", "Jane", LocalDate.of(1980, 1, 2));
        assertThat(e.policies().get(1).coverage().insuredDateOfBirth())
                .as("a spouse is not the patient")
                .isNull();
        assertThat(e.policies().get(2).coverage())
                .extracting(c -> c.insuredLastName(), c -> c.insuredDateOfBirth(), c -> c.insuredCity())
                .containsExactly("Doe", LocalDate.of(1999, 1, 1), "Peoria");
    }

    @Test
    void aSelfInsuredPolicyTakesTheAddressFromPid() throws Exception {
        String text = "MSH|^~\\&|WEBPT|CLINIC01|CMD|BILLING|20261121090000||DFT^P03^DFT_P03|C1|P|2.5.1\r"
                + "EVN|P03|20261121091000\rPID|1||WP1^^^WEBPT^MR||Doe^Jane||19800102|F|||5 Elm St^Apt 2^Springfield^IL^62704\r"
                + pv1() + "\r" + ft1(1) + "\r" + in1("1", 17, "Self", 19, "") + "\r";
        MappedEncounter e = mapper.map(new MessageView(PARSER.parse(text), StandardCharsets.UTF_8), problems, notes);

        assertThat(problems).isEmpty();
        assertThat(e.policies().get(0).coverage())
                .extracting(
                        c -> c.insuredAddressLine1(),
                        c -> c.insuredAddressLine2(),
                        c -> c.insuredCity(),
                        c -> c.insuredState(),
                        c -> c.insuredZip())
                .containsExactly("5 Elm St", "Apt 2", "Springfield", "IL", "62704");
    }
}
