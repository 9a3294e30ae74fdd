package com.webptbridge.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.maintenance.Reprocessor;

import java.util.List;
import java.util.Map;

/**
 * The answer to creating or changing a reference record: the record's own fields, then what to do
 * in WebPT ({@code instructions}, only on create) and the waiting messages it {@code reprocessed}.
 */
@JsonPropertyOrder({"record", "instructions", "reprocessed"})
record ChangeJson(
        @JsonAnyGetter Map<String, Object> record,
        @JsonInclude(JsonInclude.Include.NON_NULL) String instructions,
        List<Reprocessor.Outcome> reprocessed) {

    static ChangeJson of(Maintenance.Change change) {
        return new ChangeJson(change.record(), change.instructions(), change.reprocessed());
    }
}
