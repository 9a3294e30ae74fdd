package com.webptbridge.support;

/**
 * DFT^P03 messages that resolve against the default reference seed (conf/reference): payer 1042,
 * facility 7, rendering provider 12 with NPI 1234567893. One patient, one visit, the given charges
 * (transaction IDs patient-A, patient-B, ...), one policy.
 */
public final class SeededDft {

    private static final String PERFORMER = "12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^^^^^NPI";

    /** One FT1: a procedure code, its units and amount. */
    public record Charge(String code, String units, String amount) {
        public static Charge of(String code) {
            return new Charge(code, "1", "45.00");
        }
    }

    private SeededDft() {}

    /** @param facility MSH-4, so each test's messages are its own */
    public static byte[] of(String facility, String controlId, String patientId, Charge... charges) {
        return builder(facility, controlId, patientId, charges).bytes();
    }

    /** The same message, for a test that changes a field or two before sending it. */
    public static Hl7Builder builder(String facility, String controlId, String patientId, Charge... charges) {
        Hl7Builder dft = Hl7Builder.message("DFT^P03^DFT_P03")
                .facility(facility)
                .controlId(controlId)
                .segment("EVN", "P03", "20261121")
                .segment("PID", "1", "", patientId + "^^^WEBPT^MR", "", "Ruiz^Ana", "", "19700101", "F")
                .segment("PV1", "1", "O", "^^^7")
                .field("PV1", 19, "V-" + patientId);
        for (int i = 0; i < charges.length; i++) {
            Charge c = charges[i];
            dft.segment("FT1", String.valueOf(i + 1), patientId + "-" + (char) ('A' + i), "", "20261121", "", "CG")
                    .field("FT1", 7, c.code())
                    .field("FT1", 10, c.units())
                    .field("FT1", 11, c.amount())
                    .field("FT1", 16, "^^^7")
                    .field("FT1", 20, PERFORMER)
                    .field("FT1", 25, c.code());
        }
        return dft.segment("IN1", "1", "PLAN", "1042", "BCBS", "", "", "", "G1")
                .field("IN1", 16, "Ruiz^Ana")
                .field("IN1", 17, "SEL")
                .field("IN1", 18, "19700101")
                .field("IN1", 36, "M-" + patientId);
    }

    /**
     * The analyst's loop's DFT (patient Loop^Lee, MSH-4 LOOP): one charge of {@code cpt}, the given
     * payer (IN1-3) and referring NPI (PV1-8), so a test makes it wait for exactly the one it leaves out.
     */
    public static String naming(String controlId, String patientId, String payer, String cpt, String referringNpi) {
        return builder("LOOP", controlId, patientId, new Charge(cpt, "1", "45.00"))
                .field("PID", 5, "Loop^Lee")
                .field("PID", 7, "19800101")
                .field("PV1", 8, referringNpi + "^Ref^Rita^^^^^^^^^^NPI")
                .field("PV1", 19, "V-" + controlId)
                .field("FT1", 2, controlId + "-1")
                .field("IN1", 3, payer)
                .field("IN1", 4, "Payer")
                .field("IN1", 16, "Loop^Lee")
                .field("IN1", 18, "19800101")
                .text();
    }
}
