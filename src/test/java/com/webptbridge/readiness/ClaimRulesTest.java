package com.webptbridge.readiness;

import com.webptbridge.billing.ChargeLine;
import com.webptbridge.billing.Encounter;
import com.webptbridge.billing.PayerClass;
import com.webptbridge.billing.Placement;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.mapping.FieldPosition;
import com.webptbridge.mapping.Keyed;
import com.webptbridge.mapping.MappedCharge;
import com.webptbridge.mapping.MappedEncounter;
import com.webptbridge.mapping.MappingProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rule over the shipped data, on encounters built in code: what it finds, where, and in which words. */
class ClaimRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final MappingProfile WEBPT = MappingProfile.webptDefault();
    private static final ClaimRules RULES =
            new ClaimRules(RuleBook.load(java.nio.file.Path.of("conf/rules/claim-readiness.yaml")), Set.of());

    /** A charge: code, units, modifiers, whether it points at a diagnosis. */
    private record Line(String code, int units, List<String> modifiers, boolean pointed) {
        static Line of(String code, int units, String... modifiers) {
            return new Line(code, units, List.of(modifiers), true);
        }
    }

    private static Visit visit(
            PayerClass c, Integer minutes, Long referring, String pos, List<String> dx, Line... lines) {
        return visit(c, minutes, referring, pos, dx, DAY, lines);
    }

    private static Visit visit(
            PayerClass c, Integer minutes, Long referring, String pos, List<String> dx, LocalDate dos, Line... lines) {
        List<MappedCharge> mapped = new ArrayList<>();
        List<ChargeLine> charges = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Line l = lines[i];
            int n = i + 1;
            mapped.add(new MappedCharge(
                    "T-" + n,
                    dos,
                    new Keyed(l.code(), ErrorLocation.field("FT1", n, 25), FieldPosition.parse("FT1-25")),
                    l.modifiers(),
                    BigDecimal.valueOf(l.units()),
                    null,
                    null,
                    null,
                    l.pointed() ? List.of(1) : List.of()));
            charges.add(new ChargeLine(
                    "T-" + n,
                    dos,
                    l.code(),
                    l.modifiers(),
                    BigDecimal.valueOf(l.units()),
                    new BigDecimal("45.00"),
                    "0420",
                    l.pointed() ? List.of(1) : List.of()));
        }
        MappedEncounter m = new MappedEncounter(null, List.of(), "V1", dos, null, null, null, dx, mapped);
        Encounter e = new Encounter(null, List.of(), "V1", dos, new Placement(7, 12, referring, pos), dx, charges);
        return new Visit(
                m,
                e,
                c,
                minutes,
                DAY,
                Map.of(
                        "M54.50",
                        ErrorLocation.field("DG1", 1, 3),
                        "S83.511",
                        ErrorLocation.field("DG1", 2, 3),
                        "54.50",
                        ErrorLocation.field("DG1", 1, 3)));
    }

    private static List<String> found(Visit v) {
        return RULES.check(v, WEBPT).stream()
                .map(f -> f.rule().id() + "@" + f.problem().location().display())
                .toList();
    }

    private static final List<String> DX = List.of("M54.50");

    @ParameterizedTest(name = "{0} minutes bill {1} unit(s)")
    @CsvSource({"0,0", "7,0", "8,1", "22,1", "23,2", "37,2", "38,3", "52,3", "53,4", "67,4", "68,5", "82,5", "83,6"})
    void theEightMinuteTableAtEveryBoundary(int minutes, int units) {
        assertThat(ClaimRules.unitsFor(minutes)).isEqualTo(units);
    }

    @ParameterizedTest(name = "{0} minutes, {1} units billed: finding {2}")
    @CsvSource({
        "7,1,true",
        "8,1,false",
        "22,2,true",
        "23,2,false",
        "37,2,false",
        "38,2,true",
        "52,3,false",
        "53,3,true",
        "67,4,false",
        "68,4,true",
        "68,5,false"
    })
    void theEightMinuteRuleComparesTheVisitsTimedUnitsSummed(int minutes, int units, boolean finding) {
        // Units split over two timed codes, summed per visit; an untimed evaluation does not count.
        Line[] lines = units == 1
                ? new Line[] {Line.of("97161", 1, "GP"), Line.of("97110", 1, "GP")}
                : new Line[] {Line.of("97161", 1, "GP"), Line.of("97110", units - 1, "GP"), Line.of("97140", 1, "GP")};
        List<Finding> f = RULES.check(visit(PayerClass.MEDICARE, minutes, 5L, "11", DX, lines), WEBPT);
        assertThat(f.stream().anyMatch(x -> x.rule() == Rule.EIGHT_MINUTE)).isEqualTo(finding);
        if (finding) {
            assertThat(f.get(0).problem().location().display()).isEqualTo("FT1[2]-10");
            assertThat(f.get(0).problem().sentence())
                    .isEqualTo("The visit bills " + units + " unit(s) of timed codes for " + minutes
                            + " treatment minutes: under the 8-minute rule Medicare pays "
                            + ClaimRules.unitsFor(minutes)
                            + " unit(s). Correct the units or the minutes in WebPT and re-bill the visit.");
        }
    }

    @Test
    void theEightMinuteRuleIsMedicaresOnly() {
        assertThat(found(visit(PayerClass.COMMERCIAL, 7, null, "11", DX, Line.of("97110", 3))))
                .isEmpty();
    }

    @Test
    void aMedicareTherapyLineWithoutGpIsAFindingAtItsModifierField() {
        Visit v = visit(PayerClass.MEDICARE, null, 5L, "11", DX, Line.of("97110", 1, "GP"), Line.of("97110", 2));
        List<Finding> f = RULES.check(v, WEBPT);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).problem().location().display()).isEqualTo("FT1[2]-26");
        assertThat(f.get(0).problem().sentence())
                .startsWith(
                        "Charge 2 (97110) has no therapy modifier: Medicare needs GP on every physical therapy line.");
        assertThat(f.get(0).problem().reason().warning()).isTrue();
    }

    @Test
    void goOrGnOnAPhysicalTherapyInterfaceIsAFinding() {
        assertThat(found(visit(PayerClass.MEDICARE_ADVANTAGE, null, 5L, "11", DX, Line.of("97530", 1, "GO"))))
                .containsExactly("therapy-modifier@FT1-26");
    }

    @Test
    void commercialLinesWithoutGpAreLeftAlone() {
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "11", DX, Line.of("97110", 1))))
                .isEmpty();
    }

    @Test
    void withoutMinutesMoreThanEightTimedUnitsAndATimedCodeWithNoUnitsAreFindings() {
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "11", DX, Line.of("97110", 5), Line.of("97140", 4))))
                .containsExactly("timed-units@FT1-10");
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "11", DX, Line.of("97110", 4), Line.of("97140", 4))))
                .isEmpty();
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "11", DX, Line.of("97110", 1), Line.of("97140", 0))))
                .containsExactly("timed-units@FT1[2]-10");
    }

    @Test
    void diagnosesMalformedInjuryWithoutSeventhAndNonePointedAt() {
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "11", List.of("54.50"), Line.of("97110", 1))))
                .containsExactly("diagnosis-format@DG1-3");
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "11", List.of("S83.511"), Line.of("97110", 1))))
                .containsExactly("injury-seventh-character@DG1[2]-3");
        assertThat(found(visit(
                        PayerClass.COMMERCIAL, null, null, "11", List.of("S83.511A", "T14.90XA"), Line.of("97110", 1))))
                .isEmpty();
        Line unpointed = new Line("97110", 1, List.of("GP"), false);
        assertThat(found(visit(PayerClass.MEDICARE, null, 5L, "11", DX, unpointed)))
                .containsExactly("diagnosis-pointer@FT1-19");
    }

    @Test
    void aMedicareVisitNeedsAReferringProvider() {
        assertThat(found(visit(PayerClass.MEDICARE, null, null, "11", DX, Line.of("97110", 1, "GP"))))
                .containsExactly("referring-provider@PV1-8");
        assertThat(found(visit(PayerClass.MEDICARE, null, 5L, "11", DX, Line.of("97110", 1, "GP"))))
                .isEmpty();
    }

    @Test
    void aPlaceOfServiceOutsideTheKnownListIsAFinding() {
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "21", DX, Line.of("97110", 1))))
                .containsExactly("place-of-service@PV1-3");
        for (String known : List.of("11", "12", "19", "22", "02", "10")) {
            assertThat(found(visit(PayerClass.COMMERCIAL, null, null, known, DX, Line.of("97110", 1))))
                    .isEmpty();
        }
    }

    @Test
    void timelyFilingIsPerPayerClass() {
        LocalDate old = DAY.minusDays(91);
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "11", DX, old, Line.of("97110", 1))))
                .containsExactly("timely-filing@FT1-4");
        assertThat(found(visit(PayerClass.COMMERCIAL, null, null, "11", DX, DAY.minusDays(90), Line.of("97110", 1))))
                .isEmpty();
        assertThat(found(visit(PayerClass.MEDICARE, null, 5L, "11", DX, old, Line.of("97110", 1, "GP"))))
                .isEmpty();
        assertThat(found(visit(PayerClass.MEDICARE, null, 5L, "11", DX, DAY.minusDays(366), Line.of("97110", 1, "GP"))))
                .containsExactly("timely-filing@FT1-4");
    }

    @Test
    void aRuleSwitchedOffFindsNothing() {
        ClaimRules off = new ClaimRules(RULES.book(), Rule.switchedOff(Map.of("therapy-modifier", "off"), "test"));
        assertThat(off.check(visit(PayerClass.MEDICARE, null, 5L, "11", DX, Line.of("97110", 1)), WEBPT))
                .isEmpty();
    }

    @Test
    void aMisspelledRuleNamesItAndTheValidOnes() {
        assertThatThrownBy(() -> Rule.switchedOff(Map.of("therapy-modifer", "off"), "Interface clinic-a"))
                .hasMessage("Interface clinic-a: unknown claim-readiness rule 'therapy-modifer'; the rules are"
                        + " therapy-modifier, eight-minute, timed-units, diagnosis-format, injury-seventh-character,"
                        + " diagnosis-pointer, referring-provider, place-of-service, timely-filing.");
        assertThatThrownBy(() -> Rule.switchedOff(Map.of("therapy-modifier", "hold"), "Interface clinic-a"))
                .hasMessageContaining("a rule is warn (the default) or off");
    }

    @Test
    void theJarsRulesAreTheConfFolders() {
        assertThat(RuleBook.shipped()).isEqualTo(RULES.book());
    }

    @Test
    void anInterfaceFileReadsItsRulesAndRefusesAMisspelledOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path good = tmp.resolve("clinic-a.yaml");
        java.nio.file.Files.writeString(good, "id: clinic-a\nmllp: {port: 2600}\nrules:\n  therapy-modifier: off\n");
        var d = com.webptbridge.interfaces.InterfaceDefinition.read(good);
        assertThat(Rule.switchedOff(d.rules(), "x")).containsExactly(Rule.THERAPY_MODIFIER);
        java.nio.file.Path bad = tmp.resolve("clinic-b.yaml");
        java.nio.file.Files.writeString(bad, "id: clinic-b\nmllp: {port: 2601}\nrules: {timely-filling: off}\n");
        assertThatThrownBy(() -> com.webptbridge.interfaces.InterfaceDefinition.read(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clinic-b.yaml")
                .hasMessageContaining("unknown claim-readiness rule 'timely-filling'; the rules are therapy-modifier");
    }
}
