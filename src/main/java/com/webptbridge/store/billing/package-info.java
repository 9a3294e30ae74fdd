/**
 * Billing data as the bridge posts it: patients (Patient Info), insurance policies, encounters with
 * diagnoses and charges, and the read model of a patient's account for the API, built from the
 * {@code billing} records. Takes only resolved records; knows nothing of the journal.
 */
package com.webptbridge.store.billing;
