package com.webptbridge.reference;

import java.util.List;
import java.util.Map;

/**
 * A JSON value's type in the words of a refusal ("was the text 'maybe'", "was an object"): one
 * wording for the API's body fields and the reference records' fields alike.
 */
public final class JsonTypes {

    private JsonTypes() {}

    /** Text is quoted and shortened, as it may be long. */
    public static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        String text = String.valueOf(value);
        return "the text '" + (text.length() > 40 ? text.substring(0, 40) + "...'" : text + "'");
    }
}
