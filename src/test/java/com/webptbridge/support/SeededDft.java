package com.webptbridge.support;

/**
 * DFT^P03 messages that resolve against the default reference seed (conf/reference): payer 1042,
 * facility 7, rendering provider 12 with NPI 1234567893. One patient, one visit, the given charges
 * (transaction IDs patient-A, patient-B, ...), one policy.
 */
public final class SeededDft {

    private static final String PERFORMER = "12^Reyes^Maria~1234567893^Reyes^Maria^^^^^^^^^^NPI";

    /**
     * Where a visit happens and who pays, by the seed's Alternate IDs: a facility (7 or 8), a
     * rendering provider as FT1-20 (its Alternate ID, then its NPI) and a payer (1042, 1043, 1050).
     */
    public record Place(String facility, String performer, String payer, String payerName) {
        /** Facility 7, provider 12 (Reyes), payer 1042: what {@link #builder} sends. */
        public static final Place SPRINGFIELD = new Place("7", PERFORMER, "1042", "BCBS");
        /** Facility 8, provider 14 (Chen, NPI 1679576722), payer 1043 (Medicare). */
        public static final Place PEORIA =
                new Place("8", "14^Chen^David~1679576722^Chen^David^^^^^^^^^^NPI", "1043", "Medicare");

        public Place paidBy(String otherPayer) {
            return new Place(facility, performer, otherPayer, "Payer " + otherPayer);
        }
    }

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
        return builder(facility, controlId, patientId, Place.SPRINGFIELD, charges);
    }

    /** The same message at another place: every FT1 there and by its provider, IN1-3 its payer. */
    public static Hl7Builder builder(
            String facility, String controlId, String patientId, Place place, Charge... charges) {
        Hl7Builder dft = Hl7Builder.message("DFT^P03^DFT_P03")
                .facility(facility)
                .controlId(controlId)
                .segment("EVN", "P03", "20261121")
                .segment("PID", "1", "", patientId + "^^^WEBPT^MR", "", "Ruiz^Ana", "", "19700101", "F")
                .segment("PV1", "1", "O", "^^^" + place.facility())
                .field("PV1", 19, "V-" + patientId);
        for (int i = 0; i < charges.length; i++) {
            Charge c = charges[i];
            dft.segment("FT1", String.valueOf(i + 1), patientId + "-" + (char) ('A' + i), "", "20261121", "", "CG")
                    .field("FT1", 7, c.code())
                    .field("FT1", 10, c.units())
                    .field("FT1", 11, c.amount())
                    .field("FT1", 16, "^^^" + place.facility())
                    .field("FT1", 20, place.performer())
                    .field("FT1", 25, c.code());
        }
        return dft.segment("IN1", "1", "PLAN", place.payer(), place.payerName(), "", "", "", "G1")
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
