-- What the reports read (issue #24): when a charge was posted, by which message, and the payer it
-- was posted under. A charge can join an encounter created by an earlier message (same visit number),
-- so the encounter's created_at and journal_id do not say when the charge itself was posted. The
-- payer is the patient's primary policy at posting, kept on the charge because the policy row is
-- replaced by later encounters.
ALTER TABLE charge ADD COLUMN posted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE charge ADD COLUMN journal_id BIGINT;
ALTER TABLE charge ADD COLUMN payer_sequence BIGINT;
-- and where and by whom, as the message that posted it placed it, so a report sums charges by
-- provider and facility from the charges alone (no lookup of each charge's encounter)
ALTER TABLE charge ADD COLUMN rendering_sequence BIGINT;
ALTER TABLE charge ADD COLUMN facility_sequence BIGINT;

-- Charges posted before this version: the best the data says (the encounter's message and time, the
-- patient's primary payer as stored now).
UPDATE charge SET posted_at = (SELECT e.created_at FROM encounter e WHERE e.id = charge.encounter_id),
    journal_id = (SELECT e.journal_id FROM encounter e WHERE e.id = charge.encounter_id),
    payer_sequence = (SELECT p.payer_sequence FROM encounter e JOIN insurance_policy p
        ON p.patient_ref = e.patient_ref AND p.priority = 1 WHERE e.id = charge.encounter_id),
    rendering_sequence = (SELECT e.rendering_sequence FROM encounter e WHERE e.id = charge.encounter_id),
    facility_sequence = (SELECT e.facility_sequence FROM encounter e WHERE e.id = charge.encounter_id);

-- The period's rows are read from these indexes alone where the database can (covering: each
-- report query's columns are in them), never from the journal rows, which hold the message text.
CREATE INDEX charge_posted ON charge (interface_id, sandbox, posted_at, encounter_id, procedure_code,
    payer_sequence, rendering_sequence, facility_sequence, units, amount);
CREATE INDEX message_journal_received ON message_journal (interface_id, received_at, message_type,
    trigger_event, sandbox, status, ack_code);
-- What waits is read by status, interface and time (worklist, dashboard, reports, reprocess
-- selection): the status index gains the other two in place of adding another index to the table.
DROP INDEX message_journal_status;
CREATE INDEX message_journal_status_v12 ON message_journal (status, interface_id, received_at, id);
