package com.webptbridge.mapping;

import com.webptbridge.hl7.Problem;

import java.util.List;

/**
 * A mapper's answer: the record to apply (null when the message cannot be applied), every problem
 * found, and notes for the journal about what was deliberately ignored (e.g. NTE, IN1 in an ADT).
 */
public record MappingResult<T>(T record, List<Problem> problems, List<String> notes) {

    public MappingResult {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean applicable() {
        return record != null && problems.isEmpty();
    }
}
