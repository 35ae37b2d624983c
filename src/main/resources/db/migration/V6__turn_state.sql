-- A user message sent through the chat turn carries the state of its reply, so that a retry with the same
-- client_message_id can tell "answered" from "still running" (409) from "failed" (finish the turn now).
ALTER TABLE agent_messages
    ADD COLUMN reply_status   text CHECK (reply_status IN ('pending', 'answered', 'failed')),
    ADD COLUMN reply_deadline timestamptz;
