package com.webptbridge.reference;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.billing.ChargeLine;
import com.webptbridge.billing.Encounter;
import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingFor;
import com.webptbridge.billing.WaitingKind;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.ReferenceSentences;
import com.webptbridge.mapping.EncounterMapper;
import com.webptbridge.mapping.FieldPosition;
import com.webptbridge.mapping.Keyed;
import com.webptbridge.mapping.MappedCharge;
import com.webptbridge.mapping.MappedEncounter;
import com.webptbridge.mapping.MappingProfile;
import com.webptbridge.mapping.MessageView;
import com.webptbridge.store.Database;
import com.webptbridge.store.reference.ReferenceLookup;
import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Resolving a mapped DFT against billing reference data kept in a real, fresh database: what a
 * fully known encounter becomes, the defaults a charge takes from its code, and the 204 problem
 * (with what the message waits for) each unknown reference gets.
 */
class EncounterResolverTest {

    private static final Hl7Parser PARSER = new Hl7Parser();
    private static final EncounterMapper MAPPER = new EncounterMapper(MappingProfile.webptDefault());
    private static final String RENDERING_NPI = "1234567893";
    private static final String REFERRING_NPI = "1987654328";
    private static final String OTHER_NPI = "2222222228";

    private Database db;
    private ReferenceMaintenance maintenance;
    private EncounterResolver resolver;
    private final List<Problem> problems = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 2);
        maintenance = new ReferenceMaintenance(db, "default");
        resolver = new EncounterResolver(new ReferenceLookup(db, "default"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    // --- reference data -------------------------------------------------------------------

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private void add(ReferenceKind kind, Object... keysAndValues) throws Exception {
        maintenance.create(kind, body(keysAndValues), "test");
    }

    /** Everything the default message names: payers 1042/1043, facility 7 (POS 22), provider 12, the referring NPI, 97110/97140. */
    private void knownReferences() throws Exception {
        add(ReferenceKind.PAYER, "name", "Acme Health", "payerId", "ACME1", "sequenceNumber", 1042);
        add(ReferenceKind.PAYER, "name", "Beta Mutual", "payerId", "BETA1", "sequenceNumber", 1043);
        add(ReferenceKind.FACILITY, "name", "Main Clinic", "placeOfService", "22", "sequenceNumber", 7);
        add(
                ReferenceKind.PROVIDER,
                "lastName",
                "Reyes",
                "firstName",
                "Maria",
                "npi",
                RENDERING_NPI,
                "sequenceNumber",
                12);
        add(ReferenceKind.REFERRING_PROVIDER, "lastName", "Patel", "firstName", "Anita", "npi", REFERRING_NPI);
        add(
                ReferenceKind.PROCEDURE_CODE,
                "code",
                "97110",
                "description",
                "Therapeutic exercise",
                "defaultCharge",
                "45.00",
                "defaultRevenueCode",
                "0420");
        add(
                ReferenceKind.PROCEDURE_CODE,
                "code",
                "97140",
                "description",
                "Manual therapy",
                "defaultUnits",
                "2",
                "defaultRevenueCode",
                "0420");
    }

    // --- messages -------------------------------------------------------------------------

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

    private static Object[] with(Object[] defaults, Object... overrides) {
        Object[] all = Arrays.copyOf(defaults, defaults.length + overrides.length);
        System.arraycopy(overrides, 0, all, defaults.length, overrides.length);
        return all;
    }

    private static String pv1(Object... overrides) {
        return seg(
                "PV1",
                with(
                        new Object[] {
                            1, "1", 2, "O", 3, "^^^7", 8, REFERRING_NPI + "^Patel^Anita^^^^^^^^^^NPI", 19, "V100"
                        },
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
                            19,
                            "M54.50",
                            20,
                            "12^Reyes^Maria~" + RENDERING_NPI + "^Reyes^Maria^^^^^^NPI",
                            25,
                            "97110",
                            26,
                            "GP"
                        },
                        overrides));
    }

    private static String in1(String priority, String payer, String memberId) {
        return seg("IN1", 1, priority, 2, "PLAN", 3, payer, 8, "GRP" + priority, 36, memberId);
    }

    private static final String DG1 = "DG1|1||M54.50^Low back pain^I10";

    /** The default visit: primary 1042, secondary 1043, facility 7, provider 12, one 97110 charge. */
    private static String[] defaultVisit() {
        return new String[] {pv1(), ft1(1), DG1, in1("1", "1042", "M1"), in1("2", "1043", "M2")};
    }

    private MappedEncounter mapped(String... segments) throws Exception {
        StringBuilder text =
                new StringBuilder("MSH|^~\\&|WEBPT|CLINIC01|CMD|BILLING|20261121090000||DFT^P03^DFT_P03|C1|P|2.5.1\r"
                        + "EVN|P03|20261121091000\rPID|1||WP1^^^WEBPT^MR||Doe^Jane||19800102|F\r");
        for (String s : segments) {
            text.append(s).append('\r');
        }
        List<Problem> mapping = new ArrayList<>();
        MappedEncounter e = MAPPER.map(
                new MessageView(PARSER.parse(text.toString()), StandardCharsets.UTF_8), mapping, new ArrayList<>());
        assertThat(mapping).as("problems of the mapping itself").isEmpty();
        return e;
    }

    private Encounter resolve(String... segments) throws Exception {
        return resolver.resolve(mapped(segments), problems);
    }

    /** The default visit with its charges replaced by these (built directly, to reach every default). */
    private Encounter resolveCharges(MappedCharge... charges) throws Exception {
        MappedEncounter e = mapped(defaultVisit());
        return resolver.resolve(
                new MappedEncounter(
                        e.patient(),
                        e.policies(),
                        e.visitNumber(),
                        e.serviceDate(),
                        e.facility(),
                        e.renderingProvider(),
                        e.referringProvider(),
                        e.diagnoses(),
                        List.of(charges)),
                problems);
    }

    private static MappedCharge charge(
            String code, String units, String amount, String unitAmount, String revenueCode) {
        return new MappedCharge(
                "T1",
                LocalDate.of(2026, 11, 21),
                new Keyed(code, ErrorLocation.field("FT1", 1, 25), FieldPosition.parse("FT1-25.1")),
                List.of(),
                units == null ? null : new BigDecimal(units),
                amount == null ? null : new BigDecimal(amount),
                unitAmount == null ? null : new BigDecimal(unitAmount),
                revenueCode,
                List.of());
    }

    private Problem onlyProblem() {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    // --- all known ------------------------------------------------------------------------

    @Test
    void anEncounterWhoseReferencesAreAllKnownIsResolved() throws Exception {
        knownReferences();

        Encounter e = resolve(
                pv1(),
                ft1(1, 10, "2", 11, "90.00", 26, "GP~KX"),
                ft1(2, 25, "97140", 10, "", 11, "60.00"),
                DG1,
                in1("1", "1042", "M1"),
                in1("2", "1043", "M2"));

        assertThat(problems).isEmpty();
        assertThat(e.patient().patientId()).isEqualTo("WP1");
        assertThat(e.visitNumber()).isEqualTo("V100");
        assertThat(e.serviceDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(e.policies())
                .extracting(p -> p.priority(), p -> p.payerSequence(), p -> p.coverage()
                        .memberId())
                .containsExactly(tuple(1, 1042L, "M1"), tuple(2, 1043L, "M2"));
        assertThat(e.placement().facility()).isEqualTo(7L);
        assertThat(e.placement().renderingProvider()).isEqualTo(12L);
        assertThat(e.placement().referringProvider()).isEqualTo(1L);
        assertThat(e.placement().placeOfService()).isEqualTo("22");
        assertThat(e.diagnoses()).containsExactly("M54.50");
        assertThat(e.charges())
                .extracting(
                        ChargeLine::transactionId,
                        ChargeLine::procedureCode,
                        ChargeLine::modifiers,
                        c -> c.units().toPlainString(),
                        c -> c.amount().toPlainString(),
                        ChargeLine::revenueCode,
                        ChargeLine::diagnosisPointers)
                .containsExactly(
                        tuple("T1", "97110", List.of("GP", "KX"), "2", "90.00", "0420", List.of(1)),
                        // 97140: units from the code's default (2)
                        tuple("T2", "97140", List.of("GP"), "2", "60.00", "0420", List.of(1)));
    }

    @Test
    void aFacilityWithoutPlaceOfServiceBillsAt11() throws Exception {
        knownReferences();
        add(ReferenceKind.FACILITY, "name", "Annex", "sequenceNumber", 8);

        Encounter e = resolve(pv1(3, "^^^8"), ft1(1, 16, ""), DG1, in1("1", "1042", "M1"));

        assertThat(problems).isEmpty();
        assertThat(e.placement().facility()).isEqualTo(8L);
        assertThat(e.placement().placeOfService()).isEqualTo("11");
    }

    @Test
    void anEncounterWithoutReferringProviderHasNone() throws Exception {
        knownReferences();

        Encounter e = resolve(pv1(8, ""), ft1(1), DG1, in1("1", "1042", "M1"));

        assertThat(problems).isEmpty();
        assertThat(e.placement().referringProvider()).isNull();
    }

    // --- charge defaults ------------------------------------------------------------------

    @Test
    void unitsComeFromTheMessageElseTheCodesDefaultElseOne() throws Exception {
        knownReferences();

        Encounter e = resolveCharges(
                charge("97110", "3", null, null, null),
                charge("97140", null, null, "10.00", null),
                charge("97110", null, null, null, null));

        assertThat(problems).isEmpty();
        assertThat(e.charges()).extracting(c -> c.units().intValueExact()).containsExactly(3, 2, 1);
    }

    @Test
    void theAmountIsTheMessagesAmountEvenWhenOtherSourcesExist() throws Exception {
        knownReferences();

        Encounter e = resolveCharges(charge("97110", "2", "50", "30.00", null));

        assertThat(e.charges().get(0).amount()).isEqualTo(new BigDecimal("50.00"));
    }

    @Test
    void withoutAmountTheUnitAmountTimesUnitsIsCharged() throws Exception {
        knownReferences();

        Encounter e =
                resolveCharges(charge("97110", "3", null, "20.00", null), charge("97140", null, null, "12.50", null));

        assertThat(e.charges())
                .extracting(ChargeLine::amount)
                .containsExactly(new BigDecimal("60.00"), new BigDecimal("25.00")); // 97140: 2 default units
    }

    @Test
    void withoutAnyAmountTheCodesDefaultChargeTimesUnitsIsCharged() throws Exception {
        knownReferences();

        Encounter e = resolveCharges(charge("97110", "2", null, null, null), charge("97110", null, null, null, null));

        assertThat(e.charges())
                .extracting(ChargeLine::amount)
                .containsExactly(new BigDecimal("90.00"), new BigDecimal("45.00"));
    }

    @Test
    void aChargeWithNoAmountWhoseCodeHasNoDefaultChargeIsRefusedNotPostedAtZero() throws Exception {
        knownReferences();

        Encounter e = resolve(pv1(), ft1(1), ft1(2, 25, "97140", 11, ""), DG1, in1("1", "1042", "M1"));

        assertThat(e).isNull();
        Problem p = onlyProblem();
        assertThat(p.reason().hl7Code()).isEqualTo(101);
        assertThat(p.reason().ackCode()).isEqualTo(AcknowledgmentCode.AE);
        assertThat(p.location().display()).isEqualTo("FT1[2]-11");
        assertThat(p.waitingFor()).isNull();
        assertThat(p.sentence())
                .startsWith("Charge 2 has no amount and code 97140 has no default charge: send the amount (FT1-11) or"
                        + " give the code a default charge");
    }

    @Test
    void anExplicitZeroAmountTakesTheCodesDefaultChargeAndIsRefusedWithoutOne() throws Exception {
        knownReferences();

        Encounter e = resolve(pv1(), ft1(1, 11, "0.00"), DG1, in1("1", "1042", "M1"));

        assertThat(problems).isEmpty();
        assertThat(e.charges().get(0).amount()).isEqualTo(new BigDecimal("45.00"));

        Encounter refused =
                resolve(pv1(), ft1(1, 11, "0.000000"), ft1(2, 25, "97140", 11, "0.00"), DG1, in1("1", "1042", "M1"));

        assertThat(refused).isNull();
        assertThat(onlyProblem().reason().hl7Code()).isEqualTo(101);
        assertThat(onlyProblem().location().display()).isEqualTo("FT1[2]-11");
    }

    @Test
    void theRevenueCodeComesFromTheCodeUnlessTheMessageNamesOne() throws Exception {
        knownReferences();
        add(ReferenceKind.PROCEDURE_CODE, "code", "G0283", "description", "E-stim", "defaultCharge", "20.00");

        Encounter e = resolveCharges(
                charge("97110", "1", null, null, null),
                charge("97110", "1", null, null, "0430"),
                charge("G0283", "1", null, null, null));

        assertThat(e.charges()).extracting(ChargeLine::revenueCode).containsExactly("0420", "0430", null);
    }

    // --- unknown references ---------------------------------------------------------------

    /** Per kind: the message naming an unknown one, where, what it waits for, and the sentence. */
    static Stream<Arguments> unknownReferences() {
        return Stream.of(
                arguments(
                        new String[] {pv1(), ft1(1), DG1, in1("1", "1042", "M1"), in1("2", "2001", "M2")},
                        "IN1[2]-3",
                        new WaitingFor(WaitingKind.PAYER, "2001"),
                        ReferenceKind.PAYER,
                        "2001",
                        "IN1-3",
                        "Payer Alternate ID 2001 (IN1-3)",
                        "add the payer in the billing system"),
                arguments(
                        new String[] {pv1(3, "^^^70"), ft1(1), DG1, in1("1", "1042", "M1")},
                        "PV1-3",
                        new WaitingFor(WaitingKind.FACILITY, "70"),
                        ReferenceKind.FACILITY,
                        "70",
                        "PV1-3",
                        "Facility Alternate ID 70 (PV1-3)",
                        "add the facility in the billing system"),
                arguments(
                        new String[] {
                            pv1(),
                            ft1(1, 20, "99^Reyes~" + RENDERING_NPI + "^Reyes^^^^^^^NPI"),
                            DG1,
                            in1("1", "1042", "M1")
                        },
                        "FT1-20",
                        new WaitingFor(WaitingKind.PROVIDER, "99"),
                        ReferenceKind.PROVIDER,
                        "99",
                        "FT1-20",
                        "Rendering provider Alternate ID 99 (FT1-20)",
                        "add the provider"),
                arguments(
                        new String[] {pv1(8, "1111111112^Kim^Jo"), ft1(1), DG1, in1("1", "1042", "M1")},
                        "PV1-8",
                        new WaitingFor(WaitingKind.REFERRING_PROVIDER, "1111111112"),
                        ReferenceKind.REFERRING_PROVIDER,
                        "1111111112",
                        "PV1-8",
                        "Referring provider NPI 1111111112 (PV1-8)",
                        "add the referring provider with this NPI"),
                arguments(
                        new String[] {pv1(), ft1(1), ft1(2, 25, "97999"), DG1, in1("1", "1042", "M1")},
                        "FT1[2]-25",
                        new WaitingFor(WaitingKind.PROCEDURE_CODE, "97999"),
                        ReferenceKind.PROCEDURE_CODE,
                        "97999",
                        "FT1[2]-25",
                        "Procedure code 97999 (FT1[2]-25)",
                        "add the CPT/HCPCS code"));
    }

    @ParameterizedTest(name = "{3} {4}")
    @MethodSource("unknownReferences")
    void anUnknownReferenceWaitsForThatRecord(
            String[] message,
            String location,
            WaitingFor waitingFor,
            ReferenceKind kind,
            String key,
            String where,
            String names,
            String advice)
            throws Exception {
        knownReferences();

        Encounter e = resolve(message);

        assertThat(e).isNull();
        Problem p = onlyProblem();
        assertThat(p.reason().hl7Code()).isEqualTo(204);
        assertThat(p.reason().ackCode()).isEqualTo(AcknowledgmentCode.AE);
        assertThat(p.location().display()).isEqualTo(location);
        assertThat(p.waitingFor()).isEqualTo(waitingFor);
        assertThat(p.sentence())
                .isEqualTo(ReferenceSentences.unknown(kind, p.location(), key, where)
                        .sentence())
                .contains(names)
                .contains(advice);
    }

    @Test
    void everyUnknownReferenceIsReportedAtOnce() throws Exception {
        Encounter e = resolve(defaultVisit());

        assertThat(e).isNull();
        assertThat(problems)
                .extracting(Problem::waitingFor)
                .containsExactlyInAnyOrder(
                        new WaitingFor(WaitingKind.PAYER, "1042"),
                        new WaitingFor(WaitingKind.PAYER, "1043"),
                        new WaitingFor(WaitingKind.FACILITY, "7"),
                        new WaitingFor(WaitingKind.PROVIDER, "12"),
                        new WaitingFor(WaitingKind.REFERRING_PROVIDER, REFERRING_NPI),
                        new WaitingFor(WaitingKind.PROCEDURE_CODE, "97110"));
        assertThat(problems).allSatisfy(p -> assertThat(p.reason()).isEqualTo(NakReason.UNKNOWN_KEY));
    }

    @Test
    void aRenderingNpiThatDiffersFromBillingWaitsForTheNpisToMatch() throws Exception {
        knownReferences();

        Encounter e =
                resolve(pv1(), ft1(1, 20, "12^Reyes~" + OTHER_NPI + "^Reyes^^^^^^^NPI"), DG1, in1("1", "1042", "M1"));

        assertThat(e).isNull();
        Problem p = onlyProblem();
        assertThat(p.reason().hl7Code()).isEqualTo(204);
        assertThat(p.location().display()).isEqualTo("FT1-20");
        assertThat(p.waitingFor()).isEqualTo(new WaitingFor(WaitingKind.NPI_MISMATCH, "12"));
        assertThat(p.sentence())
                .contains("NPI " + OTHER_NPI + " in WebPT")
                .contains("NPI " + RENDERING_NPI + " in the billing system");
    }

    @Test
    void anInvalidRenderingNpiIsADataTypeErrorWaitingForNothing() throws Exception {
        knownReferences();

        resolve(pv1(), ft1(1, 20, "12^Reyes~1234567890^Reyes^^^^^^^NPI"), DG1, in1("1", "1042", "M1"));

        Problem p = onlyProblem();
        assertThat(p.reason().hl7Code()).isEqualTo(102);
        assertThat(p.location().display()).isEqualTo("FT1-20");
        assertThat(p.waitingFor()).isNull();
        assertThat(p.sentence()).contains("rendering provider's NPI 1234567890 (FT1-20) is not a valid NPI");
    }

    @Test
    void anInvalidReferringNpiIsADataTypeError() throws Exception {
        knownReferences();

        resolve(pv1(8, "1987654320^Patel^^^^^^^^^^^NPI"), ft1(1), DG1, in1("1", "1042", "M1"));

        Problem p = onlyProblem();
        assertThat(p.reason().hl7Code()).isEqualTo(102);
        assertThat(p.location().display()).isEqualTo("PV1-8");
        assertThat(p.waitingFor()).isNull();
        assertThat(p.sentence()).contains("referring provider's NPI 1987654320");
    }

    @Test
    void aNonNumericProviderAlternateIdIsAnUnknownKeyWaitingForNothing() throws Exception {
        knownReferences();

        resolve(pv1(), ft1(1, 20, "DR12^Reyes~" + RENDERING_NPI + "^Reyes^^^^^^^NPI"), DG1, in1("1", "1042", "M1"));

        Problem p = onlyProblem();
        assertThat(p.reason().hl7Code()).isEqualTo(204);
        assertThat(p.location().display()).isEqualTo("FT1-20");
        assertThat(p.waitingFor()).isNull();
        assertThat(p.sentence()).contains("Alternate ID 'DR12' (FT1-20) is not a billing Sequence Number (a number)");
    }

    @Test
    void nonNumericPayerAndFacilityAlternateIdsAreUnknownKeysWaitingForNothing() throws Exception {
        knownReferences();

        resolve(pv1(3, "^^^MAIN"), ft1(1, 16, ""), DG1, in1("1", "ACME", "M1"));

        assertThat(problems)
                .extracting(p -> p.reason().hl7Code() + "@" + p.location().display(), Problem::waitingFor)
                .containsExactly(tuple("204@IN1-3", null), tuple("204@PV1-3", null));
        assertThat(problems.get(0).sentence()).contains("Payer Alternate ID 'ACME' (IN1-3)");
        assertThat(problems.get(1).sentence()).contains("Facility Alternate ID 'MAIN' (PV1-3)");
    }

    @Test
    void aDeactivatedRecordIsReportedAsInactiveWithHowToReactivateIt() throws Exception {
        knownReferences();
        maintenance.deactivate(ReferenceKind.PAYER, "1043", "test");
        maintenance.deactivate(ReferenceKind.FACILITY, "7", "test");
        maintenance.deactivate(ReferenceKind.PROVIDER, "12", "test");
        maintenance.deactivate(ReferenceKind.REFERRING_PROVIDER, "1", "test");
        maintenance.deactivate(ReferenceKind.PROCEDURE_CODE, "97110", "test");

        resolve(defaultVisit());

        assertThat(problems)
                .extracting(p -> p.reason().hl7Code() + "@" + p.location().display(), Problem::waitingFor)
                .containsExactlyInAnyOrder(
                        tuple("204@IN1[2]-3", new WaitingFor(WaitingKind.PAYER, "1043")),
                        tuple("204@PV1-3", new WaitingFor(WaitingKind.FACILITY, "7")),
                        tuple("204@FT1-20", new WaitingFor(WaitingKind.PROVIDER, "12")),
                        tuple("204@PV1-8", new WaitingFor(WaitingKind.REFERRING_PROVIDER, REFERRING_NPI)),
                        tuple("204@FT1-25", new WaitingFor(WaitingKind.PROCEDURE_CODE, "97110")));
        assertThat(problems).allSatisfy(p -> assertThat(p.sentence())
                .contains("exists but is inactive")
                .contains("--activate")
                .contains("\"active\": true")
                .doesNotContain("add the"));
        assertThat(problems)
                .extracting(Problem::sentence)
                .anySatisfy(s -> assertThat(s)
                        .startsWith(
                                "Payer Alternate ID 1043 (IN1-3) is billing payer 1043, which exists but is inactive")
                        .contains("`bridge payer update 1043 --activate`, or PUT /api/payers/1043"))
                // A referring provider is matched by NPI but reactivated by its Sequence Number.
                .anySatisfy(s -> assertThat(s)
                        .startsWith("Referring provider NPI " + REFERRING_NPI)
                        .contains("`bridge referring-provider update 1 --activate`"))
                .anySatisfy(s -> assertThat(s).contains("`bridge procedure-code update 97110 --activate`"));
    }

    @Test
    void aDeactivatedRecordIsTreatedAsUnknown() throws Exception {
        knownReferences();
        maintenance.deactivate(ReferenceKind.PROVIDER, "12", "test");
        maintenance.deactivate(ReferenceKind.PROCEDURE_CODE, "97110", "test");
        maintenance.deactivate(ReferenceKind.PAYER, "1043", "test");

        Encounter e = resolve(defaultVisit());

        assertThat(e).isNull();
        assertThat(problems)
                .extracting(Problem::waitingFor)
                .containsExactlyInAnyOrder(
                        new WaitingFor(WaitingKind.PAYER, "1043"),
                        new WaitingFor(WaitingKind.PROVIDER, "12"),
                        new WaitingFor(WaitingKind.PROCEDURE_CODE, "97110"));
    }

    @Test
    void aReactivatedRecordIsKnownAgain() throws Exception {
        knownReferences();
        maintenance.deactivate(ReferenceKind.FACILITY, "7", "test");
        maintenance.update(ReferenceKind.FACILITY, "7", body("active", true), "test");

        assertThat(resolve(defaultVisit())).isNotNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void whatTheMapperAlreadyReportedMissingIsNotReportedAgain() throws Exception {
        knownReferences();
        MappedEncounter e = mapped(defaultVisit());
        MappedEncounter withoutPayerOrCode = new MappedEncounter(
                e.patient(),
                List.of(new com.webptbridge.mapping.MappedPolicy(
                        1, null, e.policies().get(0).coverage())),
                e.visitNumber(),
                e.serviceDate(),
                e.facility(),
                e.renderingProvider(),
                e.referringProvider(),
                e.diagnoses(),
                List.of(new MappedCharge(
                        "T1", LocalDate.of(2026, 11, 21), null, List.of(), null, null, null, null, List.of())));

        Encounter resolved = resolver.resolve(withoutPayerOrCode, problems);

        assertThat(problems).isEmpty();
        // Not a billable encounter, but the mapper's own problems are what stop it.
        assertThat(resolved.policies()).isEmpty();
        assertThat(resolved.charges()).isEmpty();
    }
}
