package com.webptbridge.store.lifecycle;

import com.webptbridge.store.Sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An interface's test sandbox as a whole: the billing rows its test messages wrote (patients,
 * policies, encounters, charges, and the applied-message keys, so a message tested once can be
 * posted live later). The journal keeps its entries, marked as test traffic.
 */
public final class Sandbox {

    private Sandbox() {}

    /** What a clear removed, for the audit note and the answer. */
    public record Cleared(int patients, int policies, int encounters, int charges) {
        public String sentence() {
            return "sandbox cleared: " + patients + " patient(s), " + policies + " insurance polic"
                    + (policies == 1 ? "y" : "ies") + ", " + encounters + " encounter(s), " + charges
                    + " charge(s)";
        }
    }

    /** Removes the interface's sandbox rows inside the caller's transaction. */
    public static Cleared clear(Connection c, String interfaceId) throws SQLException {
        String ofSandbox = " WHERE interface_id = ? AND sandbox = TRUE";
        int charges = Sql.update(c, "DELETE FROM charge" + ofSandbox, interfaceId);
        Sql.update(
                c,
                "DELETE FROM encounter_diagnosis WHERE encounter_id IN (SELECT id FROM encounter" + ofSandbox + ")",
                interfaceId);
        int encounters = Sql.update(c, "DELETE FROM encounter" + ofSandbox, interfaceId);
        int policies = Sql.update(c, "DELETE FROM insurance_policy" + ofSandbox, interfaceId);
        int patients = Sql.update(c, "DELETE FROM patient" + ofSandbox, interfaceId);
        Sql.update(c, "DELETE FROM applied_message" + ofSandbox, interfaceId);
        Sql.update(c, "DELETE FROM claim_finding" + ofSandbox, interfaceId); // the test traffic's findings go with it
        return new Cleared(patients, policies, encounters, charges);
    }
}
