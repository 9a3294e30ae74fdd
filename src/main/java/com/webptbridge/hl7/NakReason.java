package com.webptbridge.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;

import java.util.Collection;

/**
 * Every reason the engine refuses or cannot apply a message: HAPI's table 0357 code, whether the
 * message is rejected outright (AR: the sender should not expect another answer without changing
 * how it sends, or should send again later) or in error (AE: the content needs fixing, reference
 * data is missing, or the interface itself must be fixed; the message is kept and reprocessed),
 * The sentences sent under each reason are in {@link Sentence}.
 */
public enum NakReason {
    // Rejected: the message could not be taken in at all.
    NOT_HL7(ErrorCode.SEGMENT_SEQUENCE_ERROR, AcknowledgmentCode.AR),
    BAD_ENCODING(ErrorCode.DATA_TYPE_ERROR, AcknowledgmentCode.AR),
    /** Larger than the frame limit: journaled without its text. (HL7 v2.5.1 table 0357 has no "too long"; 102 is the nearest.) */
    FRAME_TOO_LARGE(ErrorCode.DATA_TYPE_ERROR, AcknowledgmentCode.AR),
    /** More segments, repetitions or field length than the interface reads, or a parse over its time budget. */
    MESSAGE_TOO_LARGE(ErrorCode.DATA_TYPE_ERROR, AcknowledgmentCode.AR),
    UNKNOWN_CHARSET(ErrorCode.TABLE_VALUE_NOT_FOUND, AcknowledgmentCode.AR),
    MISSING_HEADER_FIELD(ErrorCode.REQUIRED_FIELD_MISSING, AcknowledgmentCode.AR),
    UNSUPPORTED_MESSAGE_TYPE(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, AcknowledgmentCode.AR),
    UNSUPPORTED_EVENT(ErrorCode.UNSUPPORTED_EVENT_CODE, AcknowledgmentCode.AR),
    UNSUPPORTED_PROCESSING_ID(ErrorCode.UNSUPPORTED_PROCESSING_ID, AcknowledgmentCode.AR),
    UNSUPPORTED_VERSION(ErrorCode.UNSUPPORTED_VERSION_ID, AcknowledgmentCode.AR),
    /** No interface on the port takes the message's sending/receiving facility. */
    NO_INTERFACE(ErrorCode.UNKNOWN_KEY_IDENTIFIER, AcknowledgmentCode.AR),
    /** The practice's interface exists but is in setup or disabled: it takes no traffic yet (or any more). */
    NOT_TAKING_TRAFFIC(ErrorCode.UNKNOWN_KEY_IDENTIFIER, AcknowledgmentCode.AR),
    /** The interface takes messages only from the TLS client certificates it lists, and this one is not listed. */
    SENDER_NOT_ALLOWED(ErrorCode.UNKNOWN_KEY_IDENTIFIER, AcknowledgmentCode.AR),
    /** The database failed: nothing was applied, and the same message sent later can succeed. */
    STORE_UNAVAILABLE(ErrorCode.APPLICATION_INTERNAL_ERROR, AcknowledgmentCode.AR),

    // In error: the message was read but its content cannot be applied as it stands.
    REQUIRED_FIELD_MISSING(ErrorCode.REQUIRED_FIELD_MISSING, AcknowledgmentCode.AE),
    DATA_TYPE_ERROR(ErrorCode.DATA_TYPE_ERROR, AcknowledgmentCode.AE),
    TABLE_VALUE_NOT_FOUND(ErrorCode.TABLE_VALUE_NOT_FOUND, AcknowledgmentCode.AE),
    UNKNOWN_KEY(ErrorCode.UNKNOWN_KEY_IDENTIFIER, AcknowledgmentCode.AE),
    /**
     * A bug in the interface (not the message, not the database): a resend would fail the same
     * way, so the message is kept and waits for the interface to be fixed and the message
     * reprocessed.
     */
    INTERNAL_ERROR(ErrorCode.APPLICATION_INTERNAL_ERROR, AcknowledgmentCode.AE),

    // Warnings (claim readiness): the message was applied (AA); each is an ERR with severity W.
    /** Something a payer needs is missing (a modifier, a referring provider, a diagnosis pointer). */
    WARNING_MISSING(ErrorCode.REQUIRED_FIELD_MISSING, AcknowledgmentCode.AA),
    /** A value a payer will not take: a code outside its table, units that do not match the minutes. */
    WARNING_VALUE(ErrorCode.TABLE_VALUE_NOT_FOUND, AcknowledgmentCode.AA),
    /** A value that is not well formed (an ICD-10-CM code). */
    WARNING_FORMAT(ErrorCode.DATA_TYPE_ERROR, AcknowledgmentCode.AA);

    private final ErrorCode code;
    private final AcknowledgmentCode ack;

    NakReason(ErrorCode code, AcknowledgmentCode ack) {
        this.code = code;
        this.ack = ack;
    }

    /** The HL7 table 0357 code carried in ERR-3. */
    public int hl7Code() {
        return code.getCode();
    }

    /** Table 0357's own name for the code, carried in ERR-3.2. */
    public String hl7Text() {
        return code.getMessage();
    }

    /** The acknowledgment this reason leads to on its own. */
    public AcknowledgmentCode ackCode() {
        return ack;
    }

    /** True for a warning: the message is applied and acknowledged AA, its ERR has severity W. */
    public boolean warning() {
        return ack == AcknowledgmentCode.AA;
    }

    /** A problem of this kind at a location; the sentence comes from {@link Sentence}. */
    Problem at(ErrorLocation location, String sentence) {
        return new Problem(this, location, sentence);
    }

    /** The worst outcome a list of problems leads to: AR beats AE beats AA (warnings are AA). */
    public static AcknowledgmentCode worstOf(Collection<Problem> problems) {
        AcknowledgmentCode worst = AcknowledgmentCode.AA;
        for (Problem p : problems) {
            if (p.reason().warning()) {
                continue; // a warning leaves the message accepted
            }
            if (p.reason().ackCode() == AcknowledgmentCode.AR) {
                return AcknowledgmentCode.AR;
            }
            worst = AcknowledgmentCode.AE;
        }
        return worst;
    }
}
