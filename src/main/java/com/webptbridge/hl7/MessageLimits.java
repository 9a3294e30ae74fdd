package com.webptbridge.hl7;

import java.util.Optional;

/**
 * How much work one message may ask for, checked on the text before the expensive parse: a
 * message with a million repetitions in one field costs HAPI gigabytes and seconds, so it is
 * refused (AR, the limit named) instead. The defaults are far above real WebPT traffic.
 */
public record MessageLimits(int maxSegments, int maxRepetitions, int maxFieldLength) {

    /** The first limit the message passes, as the problem that says which and by how much; empty when within. */
    public Optional<Problem> check(String text, MessageHeader h) {
        char fs = h.fieldSeparator();
        char rs = h.repetitionSeparator();
        int segments = 0;
        int segmentStart = 0;
        int fieldStart = 0;
        int field = 0;
        int repetitions = 1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\r';
            if (c == fs || c == '\r') {
                int length = i - fieldStart;
                String segment = text.substring(segmentStart, Math.min(segmentStart + 3, text.length()));
                if (repetitions > maxRepetitions) {
                    return Optional.of(Sentence.TOO_MANY_REPETITIONS.at(
                            ErrorLocation.field(segment, 1, field),
                            segment + "-" + field,
                            repetitions,
                            maxRepetitions));
                }
                if (length > maxFieldLength) {
                    return Optional.of(Sentence.FIELD_TOO_LONG_TO_READ.at(
                            ErrorLocation.field(segment, 1, field), segment + "-" + field, length, maxFieldLength));
                }
                field++;
                repetitions = 1;
                fieldStart = i + 1;
                if (c == '\r') {
                    if (i > segmentStart && ++segments > maxSegments) {
                        return Optional.of(Sentence.TOO_MANY_SEGMENTS.problem(maxSegments));
                    }
                    segmentStart = i + 1;
                    field = 0;
                }
            } else if (c == rs && !(field == 1 && text.startsWith("MSH", segmentStart))) {
                repetitions++;
            }
        }
        return Optional.empty();
    }
}
