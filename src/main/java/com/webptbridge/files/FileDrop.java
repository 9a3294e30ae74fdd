package com.webptbridge.files;

import com.webptbridge.hl7.Hl7Batch;
import com.webptbridge.inbound.InFlight;
import com.webptbridge.inbound.LocalIntake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One file from an interface's watch folder: each of its messages through the interface's flow in
 * the file's order, as an MLLP sender's would be (journal first, the same dedupe and order rules),
 * and the answer to write beside it: the ACKs, wrapped as a batch ACK (FHS/BHS ... BTS/FTS) when
 * the file was a batch. A file dropped again is answered from the journal, as a resend is.
 */
public final class FileDrop {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /**
     * @param ack the response file's text, or null when the file is not HL7
     * @param reason why the file is not HL7, or null
     */
    public record Answer(String ack, Charset charset, int messages, String reason) {
        public boolean isHl7() {
            return reason == null;
        }
    }

    private final LocalIntake intake;

    public FileDrop(LocalIntake intake) {
        this.intake = intake;
    }

    public Answer answer(String name, byte[] file) throws SQLException {
        Hl7Batch batch = Hl7Batch.read(file);
        if (!batch.isHl7()) {
            return new Answer(null, StandardCharsets.UTF_8, 0, name + ": " + batch.problem());
        }
        List<String> acks = new ArrayList<>();
        Charset charset = null;
        for (byte[] message : batch.messages()) {
            InFlight m = intake.submit(message, "file:" + name);
            acks.add(m.reply().ackMessage());
            if (charset == null) {
                charset = m.reply().charset();
            }
        }
        String text = batch.isBatch() ? batchAck(batch, acks) : String.join("", acks);
        return new Answer(text, charset == null ? StandardCharsets.UTF_8 : charset, acks.size(), null);
    }

    /**
     * The ACKs inside a file and batch header of our own, sender and receiver swapped, naming the
     * file's and batch's control IDs (FHS-12 / BHS-12 = their FHS-11 / BHS-11).
     */
    static String batchAck(Hl7Batch batch, List<String> acks) {
        String now = LocalDateTime.now().format(TIME);
        StringBuilder out = new StringBuilder();
        out.append(header("FHS", batch.fileHeader(), now)).append('\r');
        out.append(header("BHS", batch.batchHeader(), now)).append('\r');
        for (String ack : acks) {
            out.append(ack.endsWith("\r") ? ack : ack + "\r");
        }
        out.append("BTS|").append(acks.size()).append('\r');
        out.append("FTS|1\r");
        return out.toString();
    }

    private static String header(String segment, String original, String now) {
        String[] f = fields(original);
        // f[n] is field n, as HL7 counts a header's fields: 3/4 sender, 5/6 receiver, 11 control ID
        return segment + "|^~\\&|" + at(f, 5) + "|" + at(f, 6) + "|" + at(f, 3) + "|" + at(f, 4) + "|" + now + "|||||"
                + at(f, 11);
    }

    private static String[] fields(String segment) {
        if (segment == null || segment.length() < 4) {
            return new String[0];
        }
        String[] parts = segment.substring(4).split(java.util.regex.Pattern.quote(segment.substring(3, 4)), -1);
        String[] f = new String[parts.length + 2];
        System.arraycopy(parts, 0, f, 2, parts.length); // parts[0] is field 2, the encoding characters
        return f;
    }

    private static String at(String[] f, int n) {
        return n < f.length && f[n] != null ? f[n] : "";
    }
}
