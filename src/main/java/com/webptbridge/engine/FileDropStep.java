package com.webptbridge.engine;

import com.webptbridge.files.FileDrop;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file-drop route's bean: hands the file to {@link FileDrop} and writes its answer where the
 * route then moves the file (header {@value #FOLDER}): {@code done/NAME.ack}, or for a file that is
 * not HL7 {@code error/NAME.error.txt} with the reason. Refusing a file is an answer, not a failure:
 * one log line, no stack trace.
 */
public final class FileDropStep {

    /** The header the route's move option reads: the folder the file goes to. */
    static final String FOLDER = "bridgeFolder";

    private static final Logger LOG = LoggerFactory.getLogger(FileDropStep.class);

    private final FileDrop drop;
    private final Path dir;

    FileDropStep(FileDrop drop, Path dir) {
        this.drop = drop;
        this.dir = dir;
    }

    public void receive(Exchange exchange) throws Exception {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        byte[] file = exchange.getIn().getBody(byte[].class);
        FileDrop.Answer answer = drop.answer(name, file == null ? new byte[0] : file);
        if (!answer.isHl7()) {
            write(
                    dir.resolve("error").resolve(name + ".error.txt"),
                    (answer.reason() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            exchange.getIn().setHeader(FOLDER, "error");
            LOG.warn("File drop {}: {}; moved to error/", dir, answer.reason());
            return;
        }
        // CR LF, so that the analyst's editor shows a segment per line; HL7 readers take either.
        write(
                dir.resolve("done").resolve(name + ".ack"),
                answer.ack().replace("\r", "\r\n").getBytes(answer.charset()));
        exchange.getIn().setHeader(FOLDER, "done");
        LOG.info("File drop {}: {} answered, {} message(s); moved to done/", dir, name, answer.messages());
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
