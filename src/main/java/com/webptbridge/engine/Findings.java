package com.webptbridge.engine;

import com.webptbridge.hl7.Problem;

import java.util.ArrayList;
import java.util.List;

/** What mapping a message found out: its patient (when known), its problems, notes for the journal. */
final class Findings {

    final List<Problem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String patientId;
}
