package com.webptbridge.inbound;

import ca.uhn.hl7v2.AcknowledgmentCode;
import com.webptbridge.hl7.MessageHeader;
import com.webptbridge.hl7.Problem;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The answer decided for a message: its application ACK (as stored in the journal) and what is
 * needed to turn it into an enhanced-mode accept ACK instead when the sender asked for one.
 */
public record Reply(
        MessageHeader header,
        AcknowledgmentCode code,
        List<Problem> problems,
        String ackMessage,
        Charset charset,
        String ackControlId) {}
