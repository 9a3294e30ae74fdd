package com.webptbridge.support;

import java.util.ArrayList;
import java.util.List;

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
        List<String> lines = new ArrayList<>(List.of(
                "MSH|^~\\&|WEBPT|" + facility + "|CMD|BILLING|20261121||DFT^P03^DFT_P03|" + controlId + "|P|2.5.1",
                "EVN|P03|20261121",
                "PID|1||" + patientId + "^^^WEBPT^MR||Ruiz^Ana||19700101|F",
                "PV1|1|O|^^^7||||||||||||||||V-" + patientId));
        for (int i = 0; i < charges.length; i++) {
            Charge c = charges[i];
            lines.add("FT1|" + (i + 1) + "|" + patientId + "-" + (char) ('A' + i) + "||20261121||CG|" + c.code() + "|||"
                    + c.units() + "|" + c.amount() + "|||||^^^7||||" + PERFORMER + "|||||" + c.code());
        }
        lines.add("IN1|1|PLAN|1042|BCBS||||G1||||||||Ruiz^Ana|SEL|19700101||||||||||||||||||M-" + patientId);
        return Hl7Text.bytes(String.join("\n", lines));
    }
}
