package com.webptbridge.engine;

import com.webptbridge.files.FileDrop;
import org.apache.camel.Exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file-drop route's bean: hands the file to {@link FileDrop} and writes its answer where the
 * route moves the file, {@code done/NAME.ack}; a file that is not HL7 gets {@code
 * error/NAME.error.txt} with the reason, and fails, so the route moves it to {@code error/}.
 */
public final class FileDropStep {

    /** A dropped file that holds no HL7 messages: the route moves it to error/. */
    static final class NotHl7 extends Exception {
        NotHl7(String reason) {
            super(reason);
        }
    }

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
            throw new NotHl7(answer.reason());
        }
        // CR LF, so that the analyst's editor shows a segment per line; HL7 readers take either.
        write(
                dir.resolve("done").resolve(name + ".ack"),
                answer.ack().replace("\r", "\r\n").getBytes(answer.charset()));
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
