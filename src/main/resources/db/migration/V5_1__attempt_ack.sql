-- The ACK each processing attempt answered with, so the NAK WebPT received first is kept when a
-- reprocess answers again (message_journal.ack_message holds only the latest).
ALTER TABLE message_attempt ADD COLUMN ack_message TEXT;
