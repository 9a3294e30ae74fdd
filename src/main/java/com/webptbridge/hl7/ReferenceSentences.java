package com.webptbridge.hl7;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.billing.WaitingKind;

/**
 * Which {@link Sentence} a NAK or a worklist line uses where the choice depends on the kind of
 * record: how a message names it, what to add, how to reactivate it; and the worklist's titles,
 * which name records the same way. The words themselves are all in {@link Sentence}.
 */
public final class ReferenceSentences {

    private ReferenceSentences() {}

    /** How a message names a record of {@code kind} by {@code key}, e.g. "Payer Alternate ID 1042". */
    public static String named(ReferenceKind kind, String key) {
        Sentence s =
                switch (kind) {
                    case PAYER -> Sentence.PAYER_KEY;
                    case FACILITY -> Sentence.FACILITY_KEY;
                    case PROVIDER -> Sentence.PROVIDER_KEY;
                    case REFERRING_PROVIDER -> Sentence.REFERRING_PROVIDER_KEY;
                    case PROCEDURE_CODE -> Sentence.PROCEDURE_CODE_KEY;
                };
        return s.format(key);
    }

    /** The NAK for a message naming (at {@code where}) a record the billing side does not have. */
    public static Problem unknown(ReferenceKind kind, ErrorLocation location, String key, String where) {
        Sentence s =
                switch (kind) {
                    case PAYER -> Sentence.UNKNOWN_PAYER;
                    case FACILITY -> Sentence.UNKNOWN_FACILITY;
                    case PROVIDER -> Sentence.UNKNOWN_PROVIDER;
                    case REFERRING_PROVIDER -> Sentence.UNKNOWN_REFERRING_PROVIDER;
                    case PROCEDURE_CODE -> Sentence.UNKNOWN_PROCEDURE_CODE;
                };
        return s.at(location, named(kind, key), where);
    }

    /**
     * The NAK for a message naming a record that exists but was deactivated: adding it again would
     * be refused, reactivating it releases the message. {@code recordKey} addresses the record
     * (Sequence Number or code).
     */
    public static Problem inactive(
            ReferenceKind kind, ErrorLocation location, String key, String where, String recordKey) {
        return kind.addressedByCode()
                ? Sentence.INACTIVE_CODE.at(location, named(kind, key), where, reactivation(kind, recordKey))
                : Sentence.INACTIVE_RECORD.at(
                        location, named(kind, key), where, kind.noun(), recordKey, reactivation(kind, recordKey));
    }

    /** How an analyst reactivates a record, in the CLI and in the API. */
    public static String reactivation(ReferenceKind kind, String recordKey) {
        return Sentence.REACTIVATION.format(kind.cliName(), recordKey, kind.path());
    }

    /** A worklist line's title: what the messages wait for, and where the message names it. */
    public static String title(WaitingKind kind, String key, String location) {
        String named = kind == WaitingKind.NPI_MISMATCH
                ? Sentence.NPI_MISMATCH_KEY.format(key)
                : named(kind.releasedBy(), key);
        return located(named, location);
    }

    /** A worklist line's title for messages that wait for nothing: the reason and its code. */
    public static String errorTitle(String reasonWords, int hl7Code, String location) {
        return located(Sentence.ERROR_GROUP.format(reasonWords, hl7Code), location);
    }

    private static String located(String named, String location) {
        return location == null || location.isEmpty() ? named : Sentence.WORKLIST_TITLE.format(named, location);
    }

    /** What the analyst adds so that messages waiting for {@code key} go through. */
    public static String add(WaitingKind kind, String key) {
        return switch (kind) {
            case PAYER -> Sentence.ADD_PAYER.format(key);
            case FACILITY -> Sentence.ADD_FACILITY.format(key);
            case PROVIDER -> Sentence.ADD_PROVIDER.format(key);
            case NPI_MISMATCH -> Sentence.CORRECT_NPI.format(key);
            case REFERRING_PROVIDER -> Sentence.ADD_REFERRING_PROVIDER.format();
            case PROCEDURE_CODE -> Sentence.ADD_PROCEDURE_CODE.format();
        };
    }

    /** What the analyst does when the record the messages wait for exists but is inactive. */
    public static String reactivate(ReferenceKind kind, String recordKey) {
        return Sentence.REACTIVATE.format(kind.noun(), recordKey, reactivation(kind, recordKey));
    }
}
