package com.webptbridge.hl7;

import java.util.Collection;

/** MSA-1 acknowledgment codes: original mode (AA/AE/AR) and enhanced-mode accept codes (CA/CE/CR). */
public enum AckCode {
    AA, AE, AR, CA, CE, CR;

    /** The worst outcome a list of problems leads to: AR beats AE beats AA. */
    public static AckCode worstOf(Collection<Problem> problems) {
        AckCode worst = AA;
        for (Problem p : problems) {
            AckCode c = p.reason().ackCode();
            if (c == AR) {
                return AR;
            }
            worst = AE;
        }
        return worst;
    }

    /** The enhanced-mode accept code matching an application outcome. */
    public AckCode asAcceptCode() {
        return switch (this) {
            case AA, AE, CA -> CA; // the message is safely stored: accepted, whatever the content says
            case AR, CR -> CR;
            case CE -> CE;
        };
    }
}
