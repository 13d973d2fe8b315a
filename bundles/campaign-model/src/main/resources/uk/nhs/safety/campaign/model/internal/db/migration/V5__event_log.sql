-- The durable event log: every campaign change writes its events in its own transaction.
-- Sequence numbers come from the one-row counter below, updated as the writing transaction's last statement: its row
-- lock is held until commit, so events commit in sequence order and a reader never sees a later number before an
-- earlier one (no gaps appear behind a cursor).
CREATE TABLE event_counter (
    singleton INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
    last_sequence BIGINT NOT NULL
);
INSERT INTO event_counter (singleton, last_sequence) VALUES (1, 0);

CREATE TABLE event_log (
    sequence_number BIGINT NOT NULL PRIMARY KEY,
    topic VARCHAR(200) NOT NULL,
    properties VARCHAR(4000) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    node_id VARCHAR(63) NOT NULL
);

-- One row per ONCE_PER_CLUSTER subscriber: its cursor, the node delivering to it (lease) and its latest error.
CREATE TABLE event_subscriber (
    subscriber_id VARCHAR(100) NOT NULL PRIMARY KEY,
    cursor_sequence BIGINT NOT NULL,
    lease_owner VARCHAR(63),
    lease_expires TIMESTAMP WITH TIME ZONE,
    last_error VARCHAR(2000),
    last_error_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
