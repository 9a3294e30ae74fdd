package com.webptbridge.mapping;

import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import com.webptbridge.hl7.ErrorLocation;
import com.webptbridge.hl7.Problem;
import com.webptbridge.hl7.Sentence;

import java.util.List;

/** An XCN field to a {@link ProviderKey}: the NPI wherever senders put it, and the Alternate ID. */
final class ProviderMapper {

    /** The NPI's assigning-authority OID (CMS NPPES). */
    private static final String NPI_OID = "2.16.840.1.113883.4.6";

    private final ProfileReader read;

    ProviderMapper(ProfileReader read) {
        this.read = read;
    }

    /** Where {@link #npi} looks, for the NAK that says it found none. */
    private static final String PLACES = "XCN.1 of a repetition with XCN.13 = NPI, or whose assigning authority"
            + " (XCN.9) names NPI or " + NPI_OID + " in XCN.9.1, XCN.9.2 or XCN.9.3; XCN.9.2 when XCN.9.3 = NPI"
            + " and XCN.1 is empty";

    /**
     * A provider from the first XCN field with a value. The NPI is the repetition marked as one
     * (XCN.13 = NPI, or XCN.9 naming the NPI authority in any of its components); the Alternate ID is
     * the first XCN.1 that is not the NPI. For a referring provider an unmarked 10-digit XCN.1 is
     * taken as NPI.
     */
    ProviderKey map(MessageView m, ProfileKey key, boolean rendering, List<Problem> problems) {
        String what = rendering ? "rendering provider" : "referring provider";
        for (FieldPosition p : read.profile().positions(key)) {
            Segment segment = m.first(p.segment());
            if (segment == null) {
                continue;
            }
            List<Type> reps = m.repetitions(segment, p.field());
            if (reps.isEmpty() || m.isClear(reps.get(0))) {
                continue;
            }
            ErrorLocation at = ErrorLocation.field(p.segment(), 1, p.field());
            String npi = null;
            String rule = null;
            String alternateId = null;
            for (Type rep : reps) {
                String id = m.text(rep, 1, 0).trim();
                String marked = npiRule(m, rep);
                // ^^^^^^^^&1861436503&NPI: the authority's universal ID carries the NPI itself.
                String carried = "NPI".equalsIgnoreCase(m.text(rep, 9, 3).trim())
                        ? m.text(rep, 9, 2).trim()
                        : "";
                if (npi == null && carried.matches("\\d{10}") && !id.matches("\\d{10}")) {
                    npi = carried;
                    rule = "XCN.9.2 with XCN.9.3 = NPI";
                    if (alternateId == null && !id.isEmpty()) {
                        alternateId = id;
                    }
                } else if (marked != null && npi == null && !id.isEmpty()) {
                    npi = id;
                    rule = marked;
                } else if (alternateId == null && !id.isEmpty()) {
                    alternateId = id;
                }
            }
            if (!rendering && npi == null && alternateId != null && alternateId.matches("\\d{10}")) {
                npi = alternateId;
                rule = "unmarked 10-digit XCN.1";
                alternateId = null;
            }
            if (rendering && alternateId == null) {
                problems.add(Sentence.NO_PROVIDER_ALTERNATE_ID.at(at, what, p));
            }
            if (npi == null) {
                problems.add(Sentence.NO_PROVIDER_NPI.at(at, what, p, PLACES));
            }
            return new ProviderKey(alternateId, npi, rule, at, p);
        }
        if (rendering) {
            problems.add(Sentence.NO_PROVIDER.at(
                    read.location(m, null, read.profile().positions(key)), what, read.list(key)));
        }
        return null;
    }

    private static String npiRule(MessageView m, Type xcn) {
        if ("NPI".equalsIgnoreCase(m.text(xcn, 13, 0).trim())) {
            return "XCN.13 = NPI";
        }
        for (int component = 1; component <= 3; component++) {
            String part = m.text(xcn, 9, component).trim();
            if ("NPI".equalsIgnoreCase(part) || NPI_OID.equals(part)) {
                return "XCN.9 names the NPI authority";
            }
        }
        return null;
    }
}
