-- What the reports read (issue #24): when a charge was posted, by which message, and the payer it
-- was posted under. A charge can join an encounter created by an earlier message (same visit number),
-- so the encounter's created_at and journal_id do not say when the charge itself was posted. The
-- payer is the patient's primary policy at posting, kept on the charge because the policy row is
-- replaced by later encounters.
ALTER TABLE charge ADD COLUMN posted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE charge ADD COLUMN journal_id BIGINT;
ALTER TABLE charge ADD COLUMN payer_sequence BIGINT;

-- Charges posted before this version: the best the data says (the encounter's message and time, the
-- patient's primary payer as stored now).
UPDATE charge SET posted_at = (SELECT e.created_at FROM encounter e WHERE e.id = charge.encounter_id),
    journal_id = (SELECT e.journal_id FROM encounter e WHERE e.id = charge.encounter_id),
    payer_sequence = (SELECT p.payer_sequence FROM encounter e JOIN insurance_policy p
        ON p.patient_ref = e.patient_ref AND p.priority = 1 WHERE e.id = charge.encounter_id);

CREATE INDEX charge_posted ON charge (interface_id, sandbox, posted_at);
CREATE INDEX message_journal_received ON message_journal (interface_id, received_at);
