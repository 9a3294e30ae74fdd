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
 * connection, and prints each answer. Exit code 0 when every answer was AA (or CA), 1 otherwise.
 */
@Command(name = "send", description = "Send HL7 messages from files or folders over MLLP and print each ACK.")
final class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*")
    List<Path> paths;

    @Option(names = "--host", defaultValue = "localhost")
    String host;

    @Option(names = "--port", defaultValue = "2575")
    int port;

    @Option(
            names = "--timeout",
            defaultValue = "30",
            description = "Seconds to wait for each ACK (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @picocli.CommandLine.Mixin
    TlsOptions tls;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<MessageFiles.FileMessage> messages = MessageFiles.read(paths);
        if (messages.isEmpty()) {
            spec.commandLine().getErr().println("No HL7 messages found in " + paths);
            return 2;
        }
        int accepted = 0;
        MllpClient client = null;
        try {
            client = MllpClient.connect(host, port, Duration.ofSeconds(timeoutSeconds), tls.client());
            for (MessageFiles.FileMessage m : messages) {
                String where = m.file().getFileName() + (m.index() > 1 ? "#" + m.index() : "");
                long start = System.nanoTime();
                try {
                    String ack = new String(client.exchange(m.text().getBytes(m.charset())), m.charset());
                    long micros = (System.nanoTime() - start) / 1000;
                    AckReading a = AckReading.read(ack);
                    if (a.ackCode().equals("AA") || a.ackCode().equals("CA")) {
                        accepted++;
                    }
                    out.printf(
                            "%s  control=%s  %s%s  %s  %.1f ms%n",
                            where,
                            a.controlId(),
                            a.ackCode(),
                            a.errors().isEmpty() ? "" : "  " + String.join(",", a.errors()),
                            a.text(),
                            micros / 1000.0);
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
        out.println(accepted + " of " + messages.size() + " accepted (AA).");
        return accepted == messages.size() ? 0 : 1;
    }
}
