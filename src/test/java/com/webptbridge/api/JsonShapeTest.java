package com.webptbridge.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's JSON shapes, field for field and in order: what the CLI, the replay tool and any script
 * an analyst wrote read. Nulls are written, dates are yyyy-MM-dd, instants ISO-8601.
 */
class JsonShapeTest {

    private final ObjectMapper json = Answers.json();

    @Test
    void patientWritesEveryFieldInOrderWithNullsThenInsurancesAndEncounters() throws Exception {
        PatientJson patient = PatientJson.of(
                Fixtures.patient(),
                List.of(Fixtures.policy()),
                List.of(Fixtures.encounter(true), Fixtures.encounter(false)));
        assertThat(write(patient)).isEqualTo(PATIENT);
    }

    @Test
    void messageDetailEndsWithRawMessageAndAttemptHistory() throws Exception {
        MessageJson message = MessageJson.of(
                Fixtures.message(true, true),
                List.of(
                        new com.webptbridge.store.journal.Journal.Attempt(
                                1, java.time.Instant.parse("2026-11-20T14:03:05Z"), "ERROR", "AE", "MSH|first"),
                        new com.webptbridge.store.journal.Journal.Attempt(
                                2, java.time.Instant.parse("2026-11-20T14:03:06Z"), "ERROR", "AE", "MSH|second")));
        assertThat(write(message)).isEqualTo(MESSAGE_DETAIL);
    }

    @Test
    void messageInTheListLeavesOutRawMessageAndAttemptHistory() throws Exception {
        assertThat(write(MessageJson.of(Fixtures.message(false, false)))).isEqualTo(MESSAGE_LIST_ITEM);
    }

    @Test
    void createdReferenceWritesTheRecordThenInstructionsThenReprocessed() throws Exception {
        assertThat(write(ChangeJson.of(Fixtures.change(true)))).isEqualTo(CREATED);
    }

    @Test
    void changedReferenceWithoutInstructionsLeavesThemOut() throws Exception {
        assertThat(write(ChangeJson.of(Fixtures.change(false)))).isEqualTo(UPDATED);
    }

    @Test
    void healthSaysStatusThenDatabaseThenTheBuild() throws Exception {
        assertThat(write(new HealthJson("UP", "UP", "1.0.0", "3e3493369e")))
                .isEqualTo(
                        """
                {
                  "status" : "UP",
                  "database" : "UP",
                  "version" : "1.0.0",
                  "commit" : "3e3493369e"
                }""");
    }

    private String write(Object value) throws Exception {
        return json.writeValueAsString(value).replace("\r\n", "\n");
    }

    private static final String PATIENT =
            """
                {
                  "patientId" : "P100",
                  "lastName" : "Rawson",
                  "firstName" : "Ada",
                  "middleName" : null,
                  "suffix" : null,
                  "dateOfBirth" : "1961-03-07",
                  "sex" : "F",
                  "address" : {
                    "line1" : "1 Main St",
                    "line2" : null,
                    "city" : "Springfield",
                    "state" : "IL",
                    "zip" : "62701",
                    "country" : null
                  },
                  "homePhone" : "2175550100",
                  "workPhone" : null,
                  "mobilePhone" : null,
                  "email" : null,
                  "maritalStatus" : null,
                  "ssn" : null,
                  "language" : "en",
                  "insurances" : [ {
                    "priority" : 1,
                    "payer" : {
                      "sequenceNumber" : 1042,
                      "name" : "Cigna"
                    },
                    "memberId" : "M123",
                    "groupNumber" : "G9",
                    "groupName" : null,
                    "effectiveDate" : "2026-01-01",
                    "expirationDate" : null,
                    "insured" : {
                      "lastName" : "Rawson",
                      "firstName" : "Bob",
                      "relationship" : "01",
                      "dateOfBirth" : "1960-02-02",
                      "sex" : "M",
                      "address" : {
                        "line1" : "1 Main St",
                        "line2" : null,
                        "city" : "Springfield",
                        "state" : "IL",
                        "zip" : "62701"
                      }
                    }
                  } ],
                  "encounters" : [ {
                    "id" : 3,
                    "visitNumber" : "V55",
                    "serviceDate" : "2026-11-20",
                    "facility" : {
                      "sequenceNumber" : 12,
                      "name" : "North Clinic"
                    },
                    "renderingProvider" : {
                      "sequenceNumber" : 5,
                      "npi" : "1234567893"
                    },
                    "referringProvider" : {
                      "npi" : "1548215544",
                      "name" : "Ng, Owen"
                    },
                    "placeOfService" : "11",
                    "diagnoses" : [ "M54.5", "M25.561" ],
                    "charges" : [ {
                      "transactionId" : "T1",
                      "serviceDate" : "2026-11-20",
                      "procedureCode" : "97112",
                      "modifiers" : [ "GP" ],
                      "units" : 2,
                      "amount" : 120.00,
                      "revenueCode" : null,
                      "diagnosisPointers" : [ 1, 2 ]
                    } ]
                  }, {
                    "id" : 3,
                    "visitNumber" : "V55",
                    "serviceDate" : "2026-11-20",
                    "facility" : {
                      "sequenceNumber" : 12,
                      "name" : "North Clinic"
                    },
                    "renderingProvider" : {
                      "sequenceNumber" : 5,
                      "npi" : "1234567893"
                    },
                    "referringProvider" : null,
                    "placeOfService" : "11",
                    "diagnoses" : [ "M54.5", "M25.561" ],
                    "charges" : [ {
                      "transactionId" : "T1",
                      "serviceDate" : "2026-11-20",
                      "procedureCode" : "97112",
                      "modifiers" : [ "GP" ],
                      "units" : 2,
                      "amount" : 120.00,
                      "revenueCode" : null,
                      "diagnosisPointers" : [ 1, 2 ]
                    } ]
                  } ]
                }""";

    private static final String MESSAGE_DETAIL =
            """
                {
                  "id" : 41,
                  "receivedAt" : "2026-11-20T14:03:05.123Z",
                  "remoteAddress" : "127.0.0.1:50312",
                  "sendingApplication" : "WEBPT",
                  "sendingFacility" : "CLINIC",
                  "controlId" : "CTRL-1",
                  "messageType" : "DFT",
                  "triggerEvent" : "P03",
                  "version" : "2.5.1",
                  "charset" : "UTF-8",
                  "sizeBytes" : 512,
                  "status" : "ERROR",
                  "patientId" : "P100",
                  "ackCode" : "AE",
                  "ack" : "MSH|^~\\\\&|ACK",
                  "errors" : [ {
                    "code" : 204,
                    "reason" : "UNKNOWN_PAYER",
                    "location" : "IN1-3",
                    "text" : "Payer 2001 is not known"
                  } ],
                  "notes" : [ "kept newer policy" ],
                  "duplicateOf" : null,
                  "attempts" : 2,
                  "completedAt" : "2026-11-20T14:03:06Z",
                  "test" : false,
                  "rawMessage" : "MSH|^~\\\\&|WEBPT|CLINIC",
                  "attemptHistory" : [ {
                    "attempt" : 1,
                    "completedAt" : "2026-11-20T14:03:05Z",
                    "status" : "ERROR",
                    "ackCode" : "AE",
                    "ack" : "MSH|first"
                  }, {
                    "attempt" : 2,
                    "completedAt" : "2026-11-20T14:03:06Z",
                    "status" : "ERROR",
                    "ackCode" : "AE",
                    "ack" : "MSH|second"
                  } ]
                }""";

    private static final String MESSAGE_LIST_ITEM =
            """
                {
                  "id" : 41,
                  "receivedAt" : "2026-11-20T14:03:05.123Z",
                  "remoteAddress" : "127.0.0.1:50312",
                  "sendingApplication" : "WEBPT",
                  "sendingFacility" : "CLINIC",
                  "controlId" : "CTRL-1",
                  "messageType" : "DFT",
                  "triggerEvent" : "P03",
                  "version" : "2.5.1",
                  "charset" : "UTF-8",
                  "sizeBytes" : 512,
                  "status" : "ERROR",
                  "patientId" : "P100",
                  "ackCode" : "AE",
                  "ack" : "MSH|^~\\\\&|ACK",
                  "errors" : [ {
                    "code" : 204,
                    "reason" : "UNKNOWN_PAYER",
                    "location" : "IN1-3",
                    "text" : "Payer 2001 is not known"
                  } ],
                  "notes" : [ "kept newer policy" ],
                  "duplicateOf" : null,
                  "attempts" : 2,
                  "completedAt" : null,
                  "test" : false
                }""";

    private static final String CREATED =
            """
                {
                  "sequenceNumber" : 1051,
                  "name" : "Humana",
                  "payerId" : "61101",
                  "url" : null,
                  "active" : true,
                  "instructions" : "Enter 1051 as this payer's Alternate ID in WebPT.",
                  "reprocessed" : [ {
                    "id" : 41,
                    "controlId" : "CTRL41",
                    "status" : "PROCESSED",
                    "ackCode" : "AA",
                    "skipped" : null,
                    "waitingFor" : [ ],
                    "remains" : [ ]
                  } ]
                }""";

    private static final String UPDATED =
            """
                {
                  "sequenceNumber" : 1051,
                  "name" : "Humana",
                  "payerId" : "61101",
                  "url" : null,
                  "active" : true,
                  "reprocessed" : [ {
                    "id" : 41,
                    "controlId" : "CTRL41",
                    "status" : "PROCESSED",
                    "ackCode" : "AA",
                    "skipped" : null,
                    "waitingFor" : [ ],
                    "remains" : [ ]
                  } ]
                }""";
}
