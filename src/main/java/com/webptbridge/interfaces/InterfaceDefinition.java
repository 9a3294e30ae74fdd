package com.webptbridge.interfaces;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.webptbridge.hl7.MessageHeader;
import com.webptbridge.readiness.Rule;
import com.webptbridge.transport.KnownSenders;
import com.webptbridge.transport.TlsSubjects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One client practice's interface as an analyst writes it in {@code conf/interfaces/<id>.yaml}: its
 * id and name, the MLLP listener, which messages on a shared port are its own (MSH-4 / MSH-6), the
 * mapping profile, the reference-data seed folder, the ACK mode, its known senders (addresses or
 * TLS certificate subjects that keep room on the listener when strangers flood it), and its file-drop
 * folder ({@code inbound.files}), the TLS client certificate subjects it takes messages from
 * ({@code tlsSubjects}: any other certificate's messages are answered AR), where its daily
 * report's summary is posted ({@code reports.webhook}), and the claim-readiness rules it switches
 * off ({@code rules: {therapy-modifier: off}}; names are checked when the interface is wired). Unset profile,
 * reference and ACK mode fall back to the engine's settings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterfaceDefinition(
        String id,
        String name,
        Listener mllp,
        Match match,
        String profile,
        String reference,
        String ackMode,
        Boolean enabled,
        KnownSenders senders,
        Inbound inbound,
        List<String> tlsSubjects,
        Reports reports,
        Map<String, String> rules) {

    /** The interface that runs when none is configured: everything works as for one practice. */
    public static final String DEFAULT_ID = "default";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Where the interface listens: {@code host} defaults to every address. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Listener(String host, Integer port) {}

    /** On a shared port: the sending (MSH-4) and/or receiving (MSH-6) facility that marks this interface's messages. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Match(String sendingFacility, String receivingFacility) {

        boolean isEmpty() {
            return blank(sendingFacility) && blank(receivingFacility);
        }
    }

    /**
     * Ways in besides MLLP: {@code files} is the folder whose files are read as messages (the file
     * drop); a relative path is under the engine's home.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Inbound(String files) {

        boolean isEmpty() {
            return blank(files);
        }
    }

    /**
     * The daily report's options: {@code webhook}, an http(s) address the day's summary is POSTed to
     * as JSON after the files are written (docs/operations.md, "Daily reports").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reports(String webhook) {

        boolean isEmpty() {
            return blank(webhook);
        }

        /** The webhook as an address, or null when none is set. */
        public java.net.URI webhookUri() {
            return blank(webhook) ? null : java.net.URI.create(webhook.trim());
        }
    }

    /** An interface with its other ways in, any trusted TLS client certificate, no daily report options and every claim-readiness rule on. */
    public InterfaceDefinition(
            String id,
            String name,
            Listener mllp,
            Match match,
            String profile,
            String reference,
            String ackMode,
            Boolean enabled,
            KnownSenders senders,
            Inbound inbound) {
        this(id, name, mllp, match, profile, reference, ackMode, enabled, senders, inbound, null, null, null);
    }

    /** An interface with known senders and no other way in than MLLP. */
    public InterfaceDefinition(
            String id,
            String name,
            Listener mllp,
            Match match,
            String profile,
            String reference,
            String ackMode,
            Boolean enabled,
            KnownSenders senders) {
        this(id, name, mllp, match, profile, reference, ackMode, enabled, senders, null);
    }

    /** An interface with no known senders listed. */
    public InterfaceDefinition(
            String id,
            String name,
            Listener mllp,
            Match match,
            String profile,
            String reference,
            String ackMode,
            Boolean enabled) {
        this(id, name, mllp, match, profile, reference, ackMode, enabled, null, null);
    }

    /** Checks what an analyst must get right; the sentence names the field and the file. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public InterfaceDefinition {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("Interface id '" + id + "' must be 1 to 40 lower-case letters, digits"
                    + " or dashes, starting with a letter or digit");
        }
        if (mllp == null || mllp.port() == null || mllp.port() < 1 || mllp.port() > 65535) {
            throw new IllegalArgumentException("Interface " + id + " needs mllp.port (1 to 65535)");
        }
        if (match != null && match.isEmpty()) {
            match = null;
        }
        if (senders != null && senders.isEmpty()) {
            senders = null;
        }
        if (inbound != null && inbound.isEmpty()) {
            inbound = null;
        }
        if (tlsSubjects != null) {
            tlsSubjects.forEach(TlsSubjects::check);
            tlsSubjects = tlsSubjects.isEmpty() ? null : List.copyOf(tlsSubjects);
        }
        if (reports != null && reports.isEmpty()) {
            reports = null;
        }
        if (reports != null && !webAddress(reports.webhook())) {
            // The address is not repeated: its query may hold the receiver's secret.
            throw new IllegalArgumentException("Interface " + id + " has a reports.webhook that is not an http:// or"
                    + " https:// address with a host (e.g. https://hooks.example.org/bridge)");
        }
        if (rules != null && rules.isEmpty()) {
            rules = null;
        }
        Rule.switchedOff(rules, "Interface " + id); // a misspelled rule or setting is refused here, naming it
        if (ackMode != null && !ackMode.equals("original") && !ackMode.equals("enhanced")) {
            throw new IllegalArgumentException(
                    "Interface " + id + " has ackMode '" + ackMode + "': it must be original or enhanced");
        }
    }

    public static InterfaceDefinition read(Path file) {
        try {
            InterfaceDefinition d = YAML.readValue(file.toFile(), InterfaceDefinition.class);
            String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (!d.id().equals(expected)) {
                throw new IllegalArgumentException(
                        "Interface file " + file + " defines id '" + d.id() + "': name the file " + d.id() + ".yaml");
            }
            return d;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("Interface file " + file + ": unknown key '" + e.getPropertyName()
                    + "'; an interface has id, name, mllp (host, port), match (sendingFacility,"
                    + " receivingFacility), profile, reference, ackMode, enabled, senders (addresses, subjects), inbound"
                    + " (files), tlsSubjects, reports (webhook), rules (claim-readiness rule: warn or off)");
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new IllegalArgumentException(file + ": " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Interface file " + file + " cannot be read: "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, YAML.writeValueAsString(this));
    }

    public String host() {
        return blank(mllp.host()) ? "0.0.0.0" : mllp.host();
    }

    public int port() {
        return mllp.port();
    }

    /** The file-drop folder as written in the file, or null when the interface has none. */
    public String filesFolder() {
        return inbound == null ? null : inbound.files();
    }

    /** The known senders listed (none when unset). */
    public KnownSenders knownSenders() {
        return senders == null ? KnownSenders.NONE : senders;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public InterfaceDefinition withEnabled(boolean on) {
        return new InterfaceDefinition(
                id,
                name,
                mllp,
                match,
                profile,
                reference,
                ackMode,
                on ? null : Boolean.FALSE,
                senders,
                inbound,
                tlsSubjects,
                reports,
                rules);
    }

    /**
     * Whether a message that came over TLS with this client certificate subject (empty: none) may
     * be this interface's: any trusted one when {@code tlsSubjects} is unset, else one listed.
     */
    public boolean takesFrom(String tlsSubject) {
        return tlsSubjects == null || TlsSubjects.allows(tlsSubjects, tlsSubject);
    }

    /** True when a message with this header belongs here: no match criteria, or every one given agrees. */
    public boolean accepts(MessageHeader h) {
        if (match == null) {
            return true;
        }
        return agrees(match.sendingFacility(), h == null ? "" : h.component(4, 1))
                && agrees(match.receivingFacility(), h == null ? "" : h.component(6, 1));
    }

    /**
     * Why this interface cannot listen beside {@code other}, or null when it can: on one port, every
     * interface needs its own MSH-4/MSH-6 match, or the engine could not tell their messages apart.
     */
    public String clashWith(InterfaceDefinition other) {
        if (other.id().equals(id) || other.port() != port()) {
            return null;
        }
        if (match == null || other.match() == null || match.equals(other.match())) {
            return "Interfaces " + other.id() + " and " + id + " both listen on port " + port()
                    + " and cannot be told apart: give each its own port, or each a different match"
                    + " (sendingFacility MSH-4 / receivingFacility MSH-6)";
        }
        return null;
    }

    private static boolean agrees(String wanted, String actual) {
        return blank(wanted)
                || wanted.trim().toUpperCase(Locale.ROOT).equals(actual.trim().toUpperCase(Locale.ROOT));
    }

    /** The daily report's webhook, or null when none is set. */
    public java.net.URI reportWebhook() {
        return reports == null ? null : reports.webhookUri();
    }

    private static boolean webAddress(String text) {
        try {
            java.net.URI uri = new java.net.URI(text.trim());
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
