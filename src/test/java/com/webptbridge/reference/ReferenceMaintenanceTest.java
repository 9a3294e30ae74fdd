package com.webptbridge.reference;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.reference.ReferenceException.Failure;
import com.webptbridge.store.Database;
import com.webptbridge.store.reference.ReferenceLookup;
import com.webptbridge.store.reference.ReferenceRecords.AuditLine;
import com.webptbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reference maintenance against a real, fresh database (migrations applied): checks, numbering, conflicts, audit. */
class ReferenceMaintenanceTest {

    private static final String NPI = "1234567893";
    private static final String OTHER_NPI = "1987654328";

    private Database db;
    private ReferenceMaintenance maintenance;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.freshUrl(), TestDatabase.user(), "", 2);
        maintenance = new ReferenceMaintenance(db, "default");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private ReferenceException refused(ReferenceKind kind, Map<String, Object> body) {
        return catchThrowableOfType(ReferenceException.class, () -> maintenance.create(kind, body, "ana"));
    }

    private Map<String, Object> payer(String name) throws Exception {
        return maintenance
                .create(ReferenceKind.PAYER, body("name", name, "payerId", "P-" + name), "ana")
                .record();
    }

    // --- validation -----------------------------------------------------------------------

    @Test
    void requiredFieldsAreNamedAllAtOnce() {
        ReferenceException e = refused(ReferenceKind.PROVIDER, body("taxonomy", "225100000X"));

        assertThat(e.failure()).isEqualTo(Failure.INVALID);
        assertThat(e.getMessage())
                .startsWith("The provider was not saved: ")
                .contains("lastName is required", "firstName is required", "npi is required");
    }

    @Test
    void anNpiWithAWrongCheckDigitIsRefused() {
        ReferenceException e =
                refused(ReferenceKind.PROVIDER, body("lastName", "Reyes", "firstName", "Maria", "npi", "1234567890"));

        assertThat(e.failure()).isEqualTo(Failure.INVALID);
        assertThat(e.getMessage()).contains("npi 1234567890 is not a valid NPI");
    }

    @Test
    void anNpiThatIsNotTenDigitsIsRefused() {
        ReferenceException e = refused(
                ReferenceKind.REFERRING_PROVIDER, body("lastName", "Patel", "firstName", "A", "npi", "123456789"));

        assertThat(e.getMessage()).contains("is not a valid NPI");
    }

    @Test
    void aPlaceOfServiceMustBeTwoDigits() {
        assertThat(refused(ReferenceKind.FACILITY, body("name", "Main", "placeOfService", "1"))
                        .getMessage())
                .contains("placeOfService must be a 2-digit place of service code");
        assertThat(refused(ReferenceKind.FACILITY, body("name", "Main", "placeOfService", "O1"))
                        .getMessage())
                .contains("placeOfService must be a 2-digit");
    }

    @Test
    void aProcedureCodeMustBeFiveCharacters() {
        assertThat(refused(ReferenceKind.PROCEDURE_CODE, body("code", "9711", "description", "Ther ex"))
                        .getMessage())
                .contains("code must be a 5-character CPT/HCPCS code");
        assertThat(refused(ReferenceKind.PROCEDURE_CODE, body("code", "97110-GP", "description", "Ther ex"))
                        .getMessage())
                .contains("5-character");
    }

    @Test
    void anAmountMustLookLikeMoney() {
        for (String bad : List.of("45.001", "-45.00", "abc", "1,000.00")) {
            assertThat(refused(
                            ReferenceKind.PROCEDURE_CODE,
                            body("code", "97110", "description", "Ther ex", "defaultCharge", bad)))
                    .as(bad)
                    .isNotNull()
                    .extracting(Throwable::getMessage)
                    .asString()
                    .contains("defaultCharge must be an amount like 45.00");
        }
    }

    @Test
    void unitsMustBeAWholeNumberOfOneOrMore() {
        for (String bad : List.of("0", "1.5", "-2", "x")) {
            assertThat(refused(
                            ReferenceKind.PROCEDURE_CODE,
                            body("code", "97110", "description", "Ther ex", "defaultUnits", bad)))
                    .as(bad)
                    .isNotNull()
                    .extracting(Throwable::getMessage)
                    .asString()
                    .contains("defaultUnits must be a whole number of 1 or more");
        }
    }

    @Test
    void aRevenueCodeMustBeFourDigits() {
        assertThat(refused(
                                ReferenceKind.PROCEDURE_CODE,
                                body("code", "97110", "description", "Ther ex", "defaultRevenueCode", "420"))
                        .getMessage())
                .contains("defaultRevenueCode must be a 4-digit revenue code");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheKnownOnes() {
        ReferenceException e = refused(ReferenceKind.PAYER, body("name", "Acme", "payerId", "P1", "nmae", "x"));

        assertThat(e.failure()).isEqualTo(Failure.INVALID);
        assertThat(e.getMessage()).contains("unknown field 'nmae'").contains("[name, payerId, addressLine1");
    }

    @Test
    void overLongTextIsRefused() {
        ReferenceException e = refused(ReferenceKind.PAYER, body("name", "x".repeat(201), "payerId", "P1"));

        assertThat(e.getMessage()).contains("name is longer than 200 characters");
        assertThat(refused(ReferenceKind.PAYER, body("name", "x".repeat(200), "payerId", "P1")))
                .isNull();
    }

    @Test
    void valuesAreStoredConvertedAndAnAddressObjectIsFlattened() throws Exception {
        Map<String, Object> code = maintenance
                .create(
                        ReferenceKind.PROCEDURE_CODE,
                        body(
                                "code",
                                "g0283",
                                "description",
                                "E-stim",
                                "defaultCharge",
                                "18",
                                "defaultUnits",
                                "2",
                                "defaultRevenueCode",
                                "0420"),
                        "ana")
                .record();
        Map<String, Object> payer = maintenance
                .create(
                        ReferenceKind.PAYER,
                        body(
                                "name",
                                "Acme",
                                "payerId",
                                "P1",
                                "address",
                                Map.of("line1", "1 Main St", "city", "Springfield", "state", "IL", "zip", "62704")),
                        "ana")
                .record();

        assertThat(code)
                .containsEntry("code", "G0283")
                .containsEntry("defaultCharge", new BigDecimal("18.00"))
                .containsEntry("defaultUnits", 2)
                .containsEntry("defaultRevenueCode", "0420")
                .containsEntry("active", true);
        assertThat(payer)
                .containsEntry("addressLine1", "1 Main St")
                .containsEntry("city", "Springfield")
                .containsEntry("zip", "62704");
    }

    @Test
    void nothingIsSavedWhenValidationFails() throws Exception {
        refused(ReferenceKind.PAYER, body("name", "Acme"));

        assertThat(maintenance.list(ReferenceKind.PAYER, null)).isEmpty();
    }

    // --- Sequence Numbers -----------------------------------------------------------------

    @Test
    void creationAssignsTheNextSequenceNumberAndSaysWhereItGoes() throws Exception {
        ReferenceMaintenance.Created first =
                maintenance.create(ReferenceKind.PAYER, body("name", "Acme", "payerId", "P1"), "ana");
        Map<String, Object> second = payer("Beta");

        assertThat(first.record()).containsEntry("sequenceNumber", 1L);
        assertThat(first.instructions())
                .isEqualTo("Enter 1 as this payer's Alternate ID in WebPT (Payer Alternate ID).");
        assertThat(second).containsEntry("sequenceNumber", 2L);
    }

    @Test
    void importUnderAChosenNumberKeepsItAndTheNextNumberFollowsTheHighest() throws Exception {
        Map<String, Object> imported = maintenance
                .create(ReferenceKind.PAYER, body("name", "Acme", "payerId", "P1", "sequenceNumber", 1042), "ana")
                .record();
        Map<String, Object> next = payer("Beta");

        assertThat(imported).containsEntry("sequenceNumber", 1042L);
        assertThat(next).containsEntry("sequenceNumber", 1043L);
    }

    @Test
    void aTakenSequenceNumberIsAConflictNamingWhoHasIt() throws Exception {
        maintenance.create(ReferenceKind.PAYER, body("name", "Acme", "payerId", "P1", "sequenceNumber", "1042"), "ana");

        ReferenceException e =
                refused(ReferenceKind.PAYER, body("name", "Beta", "payerId", "P2", "sequenceNumber", "1042"));

        assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
        assertThat(e.getMessage())
                .contains("Sequence Number 1042 is already taken")
                .contains("Acme");
        assertThat(maintenance.show(ReferenceKind.PAYER, "1042")).containsEntry("name", "Acme");
    }

    @Test
    void aSequenceNumberThatIsNotAPositiveWholeNumberIsRefused() {
        assertThat(refused(ReferenceKind.PAYER, body("name", "Acme", "payerId", "P1", "sequenceNumber", "0"))
                        .failure())
                .isEqualTo(Failure.INVALID);
        assertThat(refused(ReferenceKind.PAYER, body("name", "Acme", "payerId", "P1", "sequenceNumber", "A12"))
                        .getMessage())
                .contains("sequenceNumber must be a whole number of 1 or more");
    }

    @Test
    void aSecondReferringProviderWithTheSameNpiIsAConflict() throws Exception {
        maintenance.create(
                ReferenceKind.REFERRING_PROVIDER,
                body("lastName", "Patel", "firstName", "Anita", "npi", OTHER_NPI),
                "ana");

        ReferenceException e = refused(
                ReferenceKind.REFERRING_PROVIDER, body("lastName", "Patel", "firstName", "A.", "npi", OTHER_NPI));

        assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
        assertThat(e.getMessage()).contains("npi " + OTHER_NPI + " already belongs to referring provider 1 (Patel)");
    }

    @Test
    void aSecondRenderingProviderWithTheSameNpiIsAConflictNamingTheOther() throws Exception {
        long first = (Long) maintenance
                .create(ReferenceKind.PROVIDER, body("lastName", "Reyes", "firstName", "Maria", "npi", NPI), "ana")
                .record()
                .get("sequenceNumber");

        ReferenceException e =
                refused(ReferenceKind.PROVIDER, body("lastName", "Reyes", "firstName", "M.", "npi", NPI));

        assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
        assertThat(e.getMessage())
                .contains("npi " + NPI + " already belongs to provider " + first + " (Reyes)")
                .contains("an NPI belongs to one provider");
    }

    @Test
    void updatingARenderingProviderToAnotherProvidersNpiIsAConflictButKeepingItsOwnIsNot() throws Exception {
        maintenance.create(ReferenceKind.PROVIDER, body("lastName", "Reyes", "firstName", "Maria", "npi", NPI), "ana");
        String second = String.valueOf(maintenance
                .create(ReferenceKind.PROVIDER, body("lastName", "Ng", "firstName", "Owen", "npi", OTHER_NPI), "ana")
                .record()
                .get("sequenceNumber"));

        ReferenceException e = catchThrowableOfType(
                ReferenceException.class,
                () -> maintenance.update(ReferenceKind.PROVIDER, second, body("npi", NPI), "ana"));

        assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
        assertThat(e.getMessage()).contains("already belongs to provider").contains("(Reyes)");
        assertThat(maintenance.update(ReferenceKind.PROVIDER, second, body("npi", OTHER_NPI, "lastName", "Ng"), "ana"))
                .containsEntry("npi", OTHER_NPI);
    }

    @Test
    void aReferringProviderUpdatedToAnotherOnesNpiIsAConflict() throws Exception {
        maintenance.create(
                ReferenceKind.REFERRING_PROVIDER, body("lastName", "Patel", "firstName", "A", "npi", NPI), "ana");
        String second = String.valueOf(maintenance
                .create(
                        ReferenceKind.REFERRING_PROVIDER,
                        body("lastName", "Ng", "firstName", "O", "npi", OTHER_NPI),
                        "ana")
                .record()
                .get("sequenceNumber"));

        ReferenceException e = catchThrowableOfType(
                ReferenceException.class,
                () -> maintenance.update(ReferenceKind.REFERRING_PROVIDER, second, body("npi", NPI), "ana"));

        assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
        assertThat(e.getMessage())
                .contains("already belongs to referring provider")
                .contains("(Patel)");
    }

    @Test
    void aProcedureCodeAddedTwiceInAnyCaseIsAConflict() throws Exception {
        maintenance.create(ReferenceKind.PROCEDURE_CODE, body("code", "G0283", "description", "E-stim"), "ana");

        ReferenceException e =
                refused(ReferenceKind.PROCEDURE_CODE, body("code", "g0283", "description", "E-stim again"));

        assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
        assertThat(maintenance.list(ReferenceKind.PROCEDURE_CODE, null)).hasSize(1);
    }

    // --- update, deactivate, audit --------------------------------------------------------

    @Test
    void updateChangesOnlyTheFieldsGiven() throws Exception {
        payer("Acme");

        Map<String, Object> updated = maintenance.update(ReferenceKind.PAYER, "1", body("city", "Springfield"), "bo");

        assertThat(updated)
                .containsEntry("name", "Acme")
                .containsEntry("payerId", "P-Acme")
                .containsEntry("city", "Springfield");
    }

    @Test
    void updateCannotChangeASequenceNumber() throws Exception {
        payer("Acme");

        assertThatThrownBy(() ->
                        maintenance.update(ReferenceKind.PAYER, "1", body("sequenceNumber", 5, "name", "Acme 2"), "bo"))
                .isInstanceOf(ReferenceException.class)
                .hasMessageContaining("A Sequence Number cannot be changed")
                .extracting(t -> ((ReferenceException) t).failure())
                .isEqualTo(Failure.INVALID);
        assertThat(maintenance.show(ReferenceKind.PAYER, "1")).containsEntry("name", "Acme");
        assertThatThrownBy(() -> maintenance.show(ReferenceKind.PAYER, "5"))
                .isInstanceOf(ReferenceException.class)
                .extracting(t -> ((ReferenceException) t).failure())
                .isEqualTo(Failure.NOT_FOUND);
    }

    @Test
    void updateIsValidatedLikeCreate() throws Exception {
        maintenance.create(ReferenceKind.PROVIDER, body("lastName", "Reyes", "firstName", "Maria", "npi", NPI), "ana");

        assertThatThrownBy(() -> maintenance.update(ReferenceKind.PROVIDER, "1", body("npi", "1234567890"), "bo"))
                .isInstanceOf(ReferenceException.class)
                .hasMessageContaining("is not a valid NPI");
        assertThatThrownBy(() -> maintenance.update(ReferenceKind.PROVIDER, "1", body(), "bo"))
                .isInstanceOf(ReferenceException.class)
                .hasMessageContaining("Nothing to update");
        assertThat(maintenance.show(ReferenceKind.PROVIDER, "1")).containsEntry("npi", NPI);
    }

    @Test
    void updatingAReferringNpiToOneInUseIsAConflict() throws Exception {
        maintenance.create(
                ReferenceKind.REFERRING_PROVIDER,
                body("lastName", "Patel", "firstName", "Anita", "npi", OTHER_NPI),
                "ana");
        maintenance.create(
                ReferenceKind.REFERRING_PROVIDER, body("lastName", "Kim", "firstName", "Jo", "npi", NPI), "ana");

        assertThatThrownBy(
                        () -> maintenance.update(ReferenceKind.REFERRING_PROVIDER, "2", body("npi", OTHER_NPI), "bo"))
                .isInstanceOf(ReferenceException.class)
                .extracting(t -> ((ReferenceException) t).failure())
                .isEqualTo(Failure.CONFLICT);
    }

    @Test
    void updatingAnUnknownRecordIsNotFound() {
        assertThatThrownBy(() -> maintenance.update(ReferenceKind.PAYER, "99", body("name", "X"), "bo"))
                .isInstanceOf(ReferenceException.class)
                .hasMessage("No payer has Sequence Number 99.")
                .extracting(t -> ((ReferenceException) t).failure())
                .isEqualTo(Failure.NOT_FOUND);
    }

    @Test
    void aDeactivatedRecordIsKeptButNotMatchedUntilReactivated() throws Exception {
        ReferenceLookup lookup = new ReferenceLookup(db, "default");
        maintenance.create(ReferenceKind.PROVIDER, body("lastName", "Reyes", "firstName", "Maria", "npi", NPI), "ana");

        Map<String, Object> deactivated = maintenance.deactivate(ReferenceKind.PROVIDER, "1", "bo");
        assertThat(deactivated).containsEntry("active", false).containsEntry("lastName", "Reyes");
        // The lookup still finds it, flagged inactive, so a message naming it is told to reactivate it.
        assertThat(lookup.provider(1))
                .hasValueSatisfying(p -> assertThat(p.active()).isFalse());

        Map<String, Object> reactivated = maintenance.update(ReferenceKind.PROVIDER, "1", body("active", true), "bo");
        assertThat(reactivated).containsEntry("active", true);
        assertThat(lookup.provider(1))
                .hasValueSatisfying(p -> assertThat(p.active()).isTrue());
    }

    @Test
    void everyChangeIsAuditedWithOperatorAndAction() throws Exception {
        payer("Acme");
        maintenance.update(ReferenceKind.PAYER, "1", body("city", "Springfield"), "bo");
        maintenance.deactivate(ReferenceKind.PAYER, "1", "cy");
        maintenance.update(ReferenceKind.PAYER, "1", body("active", true), "");

        List<AuditLine> audit = maintenance.audit(ReferenceKind.PAYER, "1");

        assertThat(audit).extracting(AuditLine::action).containsExactly("CREATE", "UPDATE", "DEACTIVATE", "UPDATE");
        assertThat(audit).extracting(AuditLine::operator).containsExactly("ana", "bo", "cy", "unknown");
        assertThat(audit.get(1).detail()).contains("city=Springfield");
        assertThat(audit.get(3).detail()).contains("active=true");
        assertThat(audit).allSatisfy(a -> assertThat(a.changedAt()).isNotNull());
        assertThat(maintenance.audit(ReferenceKind.FACILITY, "1")).isEmpty();
    }

    @Test
    void aProcedureCodeIsAddressedByCodeInAnyCase() throws Exception {
        maintenance.create(ReferenceKind.PROCEDURE_CODE, body("code", "G0283", "description", "E-stim"), "ana");

        Map<String, Object> updated =
                maintenance.update(ReferenceKind.PROCEDURE_CODE, "g0283", body("defaultRevenueCode", "0420"), "bo");

        assertThat(updated).containsEntry("code", "G0283").containsEntry("defaultRevenueCode", "0420");
        assertThat(maintenance.show(ReferenceKind.PROCEDURE_CODE, "g0283")).containsEntry("defaultRevenueCode", "0420");
    }

    @Test
    void aProcedureCodesAuditTrailHoldsChangesMadeThroughALowerCaseKey() throws Exception {
        maintenance.create(ReferenceKind.PROCEDURE_CODE, body("code", "G0283", "description", "E-stim"), "ana");
        maintenance.update(ReferenceKind.PROCEDURE_CODE, "g0283", body("defaultRevenueCode", "0420"), "bo");
        maintenance.deactivate(ReferenceKind.PROCEDURE_CODE, "g0283", "cy");

        assertThat(maintenance.audit(ReferenceKind.PROCEDURE_CODE, "G0283"))
                .extracting(AuditLine::action)
                .containsExactly("CREATE", "UPDATE", "DEACTIVATE");
    }

    @Test
    void listSearchesTextFieldsInAnyCase() throws Exception {
        payer("Acme");
        payer("Beta");

        assertThat(maintenance.list(ReferenceKind.PAYER, "ACM"))
                .extracting(r -> r.get("name"))
                .containsExactly("Acme");
        assertThat(maintenance.list(ReferenceKind.PAYER, "")).hasSize(2);
    }
}
