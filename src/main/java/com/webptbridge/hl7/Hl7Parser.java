package com.webptbridge.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * HAPI's pipe parser, built once and shared (a context per message is several times slower).
 * Every supported version is read into the v2.5.1 model, so mappers see one structure whether WebPT
 * sends v2.3 or v2.5.1. Validation is off: the mappers check what the profile needs and say so
 * precisely. Only the pipe parser is used, so a payload that looks like XML is never handed to an
 * XML parser.
 */
public final class Hl7Parser {

    private final PipeParser parser;

    public Hl7Parser() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        this.parser = context.getPipeParser();
    }

    public Message parse(String text) throws HL7Exception {
        return parser.parse(text);
    }

    /** Loads HAPI's structure classes before the port opens, so the first message is not slow. */
    public void warmUp() {
        String[] samples = {
            "MSH|^~\\&|W|W|B|B|20260101||ADT^A08^ADT_A01|W1|P|2.5.1\rPID|1||1^^^^MR||A^B\r",
            "MSH|^~\\&|W|W|B|B|20260101||ADT^A28^ADT_A05|W2|P|2.5.1\rPID|1||1^^^^MR||A^B\r",
            "MSH|^~\\&|W|W|B|B|20260101||DFT^P03^DFT_P03|W3|P|2.5.1\rPID|1||1^^^^MR||A^B\r",
        };
        for (String s : samples) {
            try {
                parse(s);
            } catch (HL7Exception e) {
                throw new IllegalStateException("HAPI could not parse its warm-up message", e);
            }
        }
    }
}
