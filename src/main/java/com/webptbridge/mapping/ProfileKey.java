package com.webptbridge.mapping;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every DFT field a mapping profile can place, by section and key as written in
 * conf/profiles/*.yaml (e.g. {@code charge.units}). The profile refuses any other key, so a typo
 * stops the engine at start instead of silently mapping nothing.
 */
public enum ProfileKey {
    INSURANCE_PRIORITY("insurance", "priority"),
    INSURANCE_PAYER("insurance", "payer"),
    INSURANCE_GROUP_NUMBER("insurance", "groupNumber"),
    INSURANCE_GROUP_NAME("insurance", "groupName"),
    INSURANCE_EFFECTIVE_DATE("insurance", "effectiveDate"),
    INSURANCE_EXPIRATION_DATE("insurance", "expirationDate"),
    INSURANCE_INSURED_NAME("insurance", "insuredName"),
    INSURANCE_RELATIONSHIP("insurance", "relationship"),
    INSURANCE_INSURED_DATE_OF_BIRTH("insurance", "insuredDateOfBirth"),
    INSURANCE_INSURED_ADDRESS("insurance", "insuredAddress"),
    INSURANCE_MEMBER_ID("insurance", "memberId"),
    INSURANCE_INSURED_SEX("insurance", "insuredSex"),
    ENCOUNTER_VISIT_NUMBER("encounter", "visitNumber"),
    ENCOUNTER_FACILITY("encounter", "facility"),
    ENCOUNTER_RENDERING_PROVIDER("encounter", "renderingProvider"),
    ENCOUNTER_REFERRING_PROVIDER("encounter", "referringProvider"),
    /** Total timed treatment minutes of the visit, for the 8-minute rule; unset: the rule is inactive. */
    ENCOUNTER_TREATMENT_MINUTES("encounter", "treatmentMinutes"),
    CHARGE_TRANSACTION_ID("charge", "transactionId"),
    CHARGE_SERVICE_DATE("charge", "serviceDate"),
    CHARGE_TYPE("charge", "type"),
    CHARGE_PROCEDURE_CODE("charge", "procedureCode"),
    CHARGE_MODIFIERS("charge", "modifiers"),
    CHARGE_UNITS("charge", "units"),
    CHARGE_AMOUNT("charge", "amount"),
    CHARGE_UNIT_AMOUNT("charge", "unitAmount"),
    CHARGE_DIAGNOSIS_POINTERS("charge", "diagnosisPointers"),
    CHARGE_REVENUE_CODE("charge", "revenueCode"),
    DIAGNOSIS_CODE("diagnosis", "code"),
    DIAGNOSIS_PRIORITY("diagnosis", "priority"),
    DIAGNOSIS_SET_ID("diagnosis", "setId");

    private final String section;
    private final String key;

    ProfileKey(String section, String key) {
        this.section = section;
        this.key = key;
    }

    public String section() {
        return section;
    }

    public String key() {
        return key;
    }

    /** The sections a profile may have besides {@code name} and {@code patient}. */
    static java.util.Set<String> sections() {
        return Arrays.stream(values())
                .map(ProfileKey::section)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The key {@code key} of {@code section}; a typo fails naming the section's valid keys. */
    static ProfileKey of(String section, String key, String source) {
        return Arrays.stream(values())
                .filter(k -> k.section.equals(section) && k.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Mapping profile " + source + ": unknown key '" + section
                        + "." + key + "'; the " + section + " section takes "
                        + Arrays.stream(values())
                                .filter(k -> k.section.equals(section))
                                .map(ProfileKey::key)
                                .collect(Collectors.joining(", "))
                        + "."));
    }
}
