package com.webptbridge.cli;

import com.webptbridge.tester.AckReading;
import com.webptbridge.tester.MessageFiles;
import com.webptbridge.transport.MllpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bridge send FILE|DIR... --host H --port P}: sends every message, in order, on one
 * connection, and prints each answer, its error texts decoded. AA and CA are counted apart (CA says
 * only that the message was received). A message that asks for no answer (MSH-15 NE) is not waited
 * for long and does not stop the rest. Exit code 0 when every answer was AA or CA (or, for NE,
 * none), 1 otherwise.
 */
@Command(name = "send", description = "Send HL7 messages from files or folders over MLLP and print each ACK.")
final class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "HL7 files, or folders of them, sent in order")
    List<Path> paths;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost", description = "The MLLP listener's host")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "2575", description = "The MLLP listener's port")
    int port;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for each ACK")
    int timeoutSeconds;

    @Option(
            names = "--raw",
            description = "Send each file as one message, byte for byte (its line ends, a byte-order mark):"
                    + " how another system's message is replayed exactly. Without it, line ends become CR.")
    boolean raw;

    @picocli.CommandLine.Mixin
    TlsOptions tls;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<MessageFiles.FileMessage> messages = MessageFiles.read(paths, raw);
        if (messages.isEmpty()) {
            spec.commandLine().getErr().println("No HL7 messages found in " + paths);
            return 2;
        }
        int accepted = 0;
        int acceptOnly = 0;
        int unanswered = 0;
        MllpClient client = null;
        try {
            client = MllpClient.connect(host, port, Duration.ofSeconds(timeoutSeconds), tls.client());
            for (MessageFiles.FileMessage m : messages) {
                String where = m.file().getFileName() + (m.index() > 1 ? "#" + m.index() : "");
                long start = System.nanoTime();
                boolean noAnswerWanted = "NE".equals(acceptAckType(m.text()));
                try {
                    client.send(m.bytes());
                    byte[] answer;
                    if (noAnswerWanted) {
                        try {
                            answer = client.receive(NE_WAIT);
                        } catch (SocketTimeoutException e) {
                            unanswered++;
                            out.printf("%s  no ACK: MSH-15 is NE (the message asks for none)%n", where);
                            continue;
                        }
                    } else {
                        answer = client.receive();
                    }
                    String ack = new String(answer, m.charset());
                    long micros = (System.nanoTime() - start) / 1000;
                    AckReading a = AckReading.read(ack);
                    if (a.ackCode().equals("AA")) {
                        accepted++;
                    } else if (a.ackCode().equals("CA")) {
                        acceptOnly++;
                    }
                    out.printf(
                            "%s  control=%s  %s%s  %s  %.1f ms%n",
                            where,
                            a.controlId(),
                            a.ackCode(),
                            a.errors().isEmpty() ? "" : "  " + String.join(",", a.errors()),
                            a.text(),
                            micros / 1000.0);
                    for (String text : a.errorTexts()) {
                        if (!text.isEmpty() && !text.equals(a.text())) {
                            out.println("    " + text);
                        }
                    }
                } catch (SocketTimeoutException e) {
                    out.printf(
                            "%s  TIMEOUT: no ACK within %d s; the connection is closed, remaining messages not sent%n",
                            where, timeoutSeconds);
                    break;
                } catch (EOFException | java.net.SocketException e) {
                    out.printf(
                            "%s  DROPPED: the listener closed the connection (%s); remaining messages not sent%n",
                            where, e.getMessage());
                    break;
                }
            }
        } catch (java.net.ConnectException e) {
            spec.commandLine().getErr().println("Cannot connect to " + host + ":" + port + ": " + e.getMessage());
            return 1;
        } catch (javax.net.ssl.SSLException e) {
            spec.commandLine()
                    .getErr()
                    .println("TLS with " + host + ":" + port + " failed: " + e.getMessage()
                            + " (check --truststore, and --keystore when the listener requires a client certificate)");
            return 1;
        } finally {
            if (client != null) {
                client.close();
            }
        }
        StringBuilder summary = new StringBuilder(accepted + " of " + messages.size() + " accepted (AA)");
        if (acceptOnly > 0) {
            summary.append("; ").append(acceptOnly).append(" accepted (CA: accept ACK only)");
        }
        if (unanswered > 0) {
            summary.append("; ").append(unanswered).append(" not answered (MSH-15 NE)");
        }
        out.println(summary + ".");
        return accepted + acceptOnly + unanswered == messages.size() ? 0 : 1;
    }

    /** How long to wait for an answer the message did not ask for (MSH-15 NE): an engine may send one anyway. */
    private static final Duration NE_WAIT = Duration.ofSeconds(2);

    /** MSH-15 (accept acknowledgment type) of a message's text, or "" when it has none. */
    static String acceptAckType(String text) {
        if (text.length() < 8 || !text.startsWith("MSH")) {
            return "";
        }
        int end = text.indexOf('\r');
        String msh = end < 0 ? text : text.substring(0, end);
        String[] f = msh.split(java.util.regex.Pattern.quote(String.valueOf(msh.charAt(3))), -1);
        return f.length > 14 ? f[14].trim() : ""; // f[1] is MSH-2: MSH-n is f[n - 1]
    }
}
