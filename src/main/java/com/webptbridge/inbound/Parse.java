package com.webptbridge.inbound;

import ca.uhn.hl7v2.HL7Exception;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Hl7Parser;
import com.webptbridge.hl7.NakReason;
import com.webptbridge.mapping.MessageView;

/** Third step: HAPI's pipe parser into the v2.5.1 model, seen as segments in wire order. */
public final class Parse {

    private final Hl7Parser parser;

    public Parse(Hl7Parser parser) {
        this.parser = parser;
    }

    public void parse(InFlight m) {
        try {
            m.view = new MessageView(
                    parser.parse(m.message().text()), m.message().charset());
        } catch (HL7Exception e) {
            // HAPI's own text may quote field values (PHI), so neither the log nor the NAK repeats it.
            m.problems.add(NakReason.NOT_HL7.at(
                    ErrorLocation.MESSAGE,
                    "The message could not be parsed as HL7 v2: check its segment structure and delimiters."));
        }
    }
}
