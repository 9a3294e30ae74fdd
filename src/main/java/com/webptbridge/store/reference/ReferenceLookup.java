package com.webptbridge.store.reference;

import com.webptbridge.billing.Facility;
import com.webptbridge.billing.Payer;
import com.webptbridge.billing.ProcedureCode;
import com.webptbridge.billing.Provider;
import com.webptbridge.billing.ReferringProvider;
import com.webptbridge.store.Database;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Finds one interface's billing reference data for inbound messages. A lookup returns a record
 * whether it is active or not (each carries its flag), so the resolver can tell an analyst "exists
 * but inactive: reactivate it" apart from "missing: add it".
 */
public final class ReferenceLookup {

    private final ReferenceCache cache;

    /** Lookups in one interface's reference data, held in memory (see {@link ReferenceCache}). */
    public ReferenceLookup(Database db, String interfaceId) {
        this.cache = ReferenceCache.of(db, interfaceId);
    }

    /**
     * As above; {@code refreshMs} bounds how long a change made by another instance sharing the
     * database takes to be seen here (bridge.reference.refresh-ms).
     */
    public ReferenceLookup(Database db, String interfaceId, long refreshMs) {
        this(db, interfaceId);
        cache.refreshMs(refreshMs);
    }

    public Optional<Payer> payer(long sequenceNumber) throws SQLException {
        return Optional.ofNullable(cache.current().payers().get(sequenceNumber));
    }

    public Optional<Facility> facility(long sequenceNumber) throws SQLException {
        return Optional.ofNullable(cache.current().facilities().get(sequenceNumber));
    }

    public Optional<Provider> provider(long sequenceNumber) throws SQLException {
        return Optional.ofNullable(cache.current().providers().get(sequenceNumber));
    }

    public Optional<ReferringProvider> referringByNpi(String npi) throws SQLException {
        return npi == null
                ? Optional.empty()
                : Optional.ofNullable(cache.current().referring().get(npi));
    }

    public Optional<ProcedureCode> procedureCode(String code) throws SQLException {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(cache.current().codes().get(code));
    }
}
