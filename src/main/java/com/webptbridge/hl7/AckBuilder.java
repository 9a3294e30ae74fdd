package com.webptbridge.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds ACK messages as text. The ACK's MSH swaps sender and receiver, keeps the inbound message's
 * version and delimiters, and each problem becomes its own ERR segment (location, 0357 code,
 * severity E, or W for a warning on an accepted message, sentence). Built by hand rather than with HAPI's generateACK so that an answer can be
 * written even for a message HAPI could not parse.
 */
public final class AckBuilder {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String DEFAULT_ENCODING = "^~\\&";
    private static final String DEFAULT_VERSION = "2.5.1";

    private final ZoneId zone;
    private final java.util.Set<String> versions;

    /**
     * @param versions the versions the interface speaks; an ACK to a message of another version is
     *                 written in 2.5.1, so that the sender can at least read why it was refused
     */
    public AckBuilder(ZoneId zone, java.util.Set<String> versions) {
        this.zone = zone;
        this.versions = java.util.Set.copyOf(versions);
    }

    /**
     * @param inbound      the inbound header, or null when the message had none
     * @param code         MSA-1
     * @param problems     one ERR segment each; the first one's sentence also goes in MSA-3
     * @param ackControlId MSH-10 of the ACK itself
     */
    public String build(MessageHeader inbound, AcknowledgmentCode code, List<Problem> problems, String ackControlId) {
        // Delimiters an answer cannot be written with (too few, or '.') give way to the standard ones,
        // so that the sender can read why it was refused; what is copied from its header is then
        // escaped, since its values may hold the standard delimiters.
        boolean own = inbound != null && inbound.usableEncoding();
        char fs = own ? inbound.fieldSeparator() : '|';
        String enc = own ? inbound.encodingCharacters() : DEFAULT_ENCODING;
        String version = inbound != null && versions.contains(inbound.version()) ? inbound.version() : DEFAULT_VERSION;
        EncodingCharacters encoding = new EncodingCharacters(fs, enc);
        char cs = enc.charAt(0);
        char ss = enc.length() > 3 ? enc.charAt(3) : '&';
        java.util.function.UnaryOperator<String> copied = raw -> own ? raw : Escape.escape(raw, encoding);

        StringBuilder ack = new StringBuilder(256);
        ack.append("MSH")
                .append(fs)
                .append(enc)
                .append(fs)
                .append(copied.apply(value(inbound, 5)))
                .append(fs)
                .append(copied.apply(value(inbound, 6)))
                .append(fs)
                .append(copied.apply(value(inbound, 3)))
                .append(fs)
                .append(copied.apply(value(inbound, 4)))
                .append(fs)
                .append(ZonedDateTime.now(zone).format(TIMESTAMP))
                .append(fs)
                .append(fs)
                .append(messageType(inbound == null ? "" : copied.apply(inbound.triggerEvent()), version, cs))
                .append(fs)
                .append(Escape.escape(ackControlId, encoding))
                .append(fs)
                .append(inbound != null && !inbound.field(11).isEmpty() ? copied.apply(inbound.field(11)) : "P")
                .append(fs)
                .append(version);
        if (inbound != null && !inbound.field(18).isEmpty()) {
            ack.append(fs)
                    .append(fs)
                    .append(fs)
                    .append(fs)
                    .append(fs)
                    .append(fs)
                    .append(copied.apply(inbound.field(18)));
        }
        ack.append('\r');

        ack.append("MSA")
                .append(fs)
                .append(code.name())
                .append(fs)
                .append(inbound != null ? copied.apply(inbound.controlId()) : "");
        if (!problems.isEmpty()) {
            ack.append(fs).append(Escape.escape(oneLine(problems.get(0).sentence()), encoding));
        }
        ack.append('\r');

        boolean before25 = version.compareTo("2.5") < 0;
        for (Problem p : problems) {
            String code0357 = p.reason().hl7Code() + "";
            String text = Escape.escape(oneLine(p.sentence()), encoding);
            ack.append("ERR").append(fs);
            if (before25) {
                // ERR-1 (ELD) is the only ERR field receivers of v2.3/2.4 know.
                ErrorLocation l = p.location();
                ack.append(l.segment())
                        .append(cs)
                        .append(l.sequence() > 0 ? l.sequence() : "")
                        .append(cs)
                        .append(l.field() > 0 ? l.field() : "")
                        .append(cs)
                        .append(code0357)
                        .append(ss)
                        .append(p.reason().hl7Text())
                        .append(ss)
                        .append("HL70357");
            }
            ack.append(fs)
                    .append(p.location().toErl(cs))
                    .append(fs)
                    .append(code0357)
                    .append(cs)
                    .append(p.reason().hl7Text())
                    .append(cs)
                    .append("HL70357")
                    .append(fs)
                    .append(p.reason().warning() ? 'W' : 'E')
                    .append(fs)
                    .append(fs)
                    .append(fs)
                    .append(fs)
                    .append(text)
                    .append('\r');
        }
        return ack.toString();
    }

    private static String value(MessageHeader inbound, int field) {
        return inbound == null ? "" : inbound.field(field);
    }

    private static String messageType(String trigger, String version, char cs) {
        if (trigger.isEmpty()) {
            return "ACK";
        }
        // MSH-9.3 (message structure) exists from v2.3.1 on.
        return version.compareTo("2.3.1") >= 0 ? "ACK" + cs + trigger + cs + "ACK" : "ACK" + cs + trigger;
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
