package com.webptbridge.hl7;

/**
 * Every reason the engine refuses or cannot apply a message, each with its HL7 table 0357 code and
 * whether the message is rejected outright (AR: the sender should not expect a different answer
 * without changing how it sends) or in error (AE: the content needs fixing or reference data is
 * missing; the message is kept and can be reprocessed).
 */
public enum NakReason {
    // Rejected: the message could not be taken in at all.
    NOT_HL7(100, AckCode.AR, "Segment sequence error"),
    BAD_ENCODING(102, AckCode.AR, "Data type error"),
    FRAME_TOO_LARGE(100, AckCode.AR, "Segment sequence error"),
    UNKNOWN_CHARSET(103, AckCode.AR, "Table value not found"),
    MISSING_HEADER_FIELD(101, AckCode.AR, "Required field missing"),
    UNSUPPORTED_MESSAGE_TYPE(200, AckCode.AR, "Unsupported message type"),
    UNSUPPORTED_EVENT(201, AckCode.AR, "Unsupported event code"),
    UNSUPPORTED_PROCESSING_ID(202, AckCode.AR, "Unsupported processing id"),
    UNSUPPORTED_VERSION(203, AckCode.AR, "Unsupported version id"),
    STORE_UNAVAILABLE(207, AckCode.AR, "Application internal error"),

    // In error: the message was read but its content cannot be applied as it stands.
    REQUIRED_FIELD_MISSING(101, AckCode.AE, "Required field missing"),
    DATA_TYPE_ERROR(102, AckCode.AE, "Data type error"),
    TABLE_VALUE_NOT_FOUND(103, AckCode.AE, "Table value not found"),
    UNKNOWN_KEY(204, AckCode.AE, "Unknown key identifier");

    private final int hl7Code;
    private final AckCode ackCode;
    private final String hl7Text;

    NakReason(int hl7Code, AckCode ackCode, String hl7Text) {
        this.hl7Code = hl7Code;
        this.ackCode = ackCode;
        this.hl7Text = hl7Text;
    }

    /** The HL7 table 0357 code carried in ERR-3. */
    public int hl7Code() {
        return hl7Code;
    }

    /** The acknowledgment this reason leads to on its own. */
    public AckCode ackCode() {
        return ackCode;
    }

    /** Table 0357's own name for the code, carried in ERR-3.2. */
    public String hl7Text() {
        return hl7Text;
    }

    /** A problem of this kind at a location, with the sentence an analyst acts on. */
    public Problem at(ErrorLocation location, String sentence) {
        return new Problem(this, location, sentence);
    }
}
