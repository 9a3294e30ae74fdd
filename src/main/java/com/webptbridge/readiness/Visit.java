package com.webptbridge.readiness;

import com.webptbridge.billing.Encounter;
import com.webptbridge.billing.PayerClass;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.mapping.MappedEncounter;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the rules look at: the encounter as mapped (where each value sits in the message) and as
 * resolved, the primary payer's class, the treatment minutes when the profile says where they are,
 * the day the message was sent (MSH-7, else its receipt), and where each diagnosis sits.
 *
 * @param minutes total treatment minutes, or null when the sender does not send them
 * @param diagnosisAt the location of each diagnosis code (DG1-3, or FT1-19 for codes only there)
 */
public record Visit(
        MappedEncounter mapped,
        Encounter encounter,
        PayerClass payerClass,
        Integer minutes,
        LocalDate sentOn,
        Map<String, ErrorLocation> diagnosisAt) {

    public Visit {
        diagnosisAt = Map.copyOf(diagnosisAt);
    }
}
