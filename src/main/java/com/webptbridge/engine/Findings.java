package com.webptbridge.engine;

import com.webptbridge.hl7.Problem;

import java.util.ArrayList;
import java.util.List;

/** What mapping a message found out: its patient (when known), its problems, notes for the journal. */
final class Findings {

    final List<Problem> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String patientId;
    /** The message's sending facility (MSH-4) and journal id: the scope and the source of what it posts. */
    String sendingFacility;
    long journalId;

    /** A copy with more notes (those of one transaction attempt), leaving this one as it was. */
    Findings with(List<String> moreNotes) {
        Findings copy = new Findings();
        copy.problems.addAll(problems);
        copy.notes.addAll(notes);
        copy.notes.addAll(moreNotes);
        copy.patientId = patientId;
        copy.sendingFacility = sendingFacility;
        copy.journalId = journalId;
        return copy;
    }
}
