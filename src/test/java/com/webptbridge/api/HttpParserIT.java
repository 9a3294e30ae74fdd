package com.webptbridge.api;

import com.webptbridge.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a proxy and the API could read differently (request smuggling): each is refused with one
 * 400 answer and the connection closed, so nothing after it is read as a request of its own. /health
 * is the target because it answers 200 to any body: Netty 4.1.130 answered both requests 200 here.
 */
class HttpParserIT {

    private static TestEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** 0x100000004 overflows an int to 4: a parser that wraps reads "abcd" and then a second request. */
    @Test
    void aChunkSizeThatOverflowsIsRefusedAndNothingAfterItIsARequest() throws Exception {
        String answer = raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "100000004\r\nabcd\r\n0\r\n\r\n"
                + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        // Netty refuses the size and Vert.x closes the connection, without an answer: either is safe.
        assertThat(statusLines(answer)).as(answer).isLessThanOrEqualTo(1);
        assertThat(answer).as(answer).doesNotContain(" 200 ");
        if (!answer.isEmpty()) {
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    /** RFC 9112 6.3: chunked must be the final coding of a request, else 400 and close. */
    @Test
    void chunkedThatIsNotTheFinalTransferCodingIsRefused() throws Exception {
        String answer = raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked, identity\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n"
                + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(statusLines(answer)).as(answer).isEqualTo(1);
        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    private static int statusLines(String answer) {
        Matcher m = Pattern.compile("(?m)^HTTP/1\\.[01] \\d{3}").matcher(answer);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** One raw HTTP/1.1 exchange; everything the server sends until it closes the connection. */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", engine.engine().httpPort())) {
            s.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
