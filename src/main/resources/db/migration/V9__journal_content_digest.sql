-- The content digest (SHA-256 of the message without MSH-7) on every journaled message, as the
-- duplicate key already has it: the worklist counts a resend once and a different message that
-- reuses a control ID as a message of its own. NULL for rows journaled before this version and for
-- messages that could not be read.
ALTER TABLE message_journal ADD COLUMN content_digest VARCHAR(64);
