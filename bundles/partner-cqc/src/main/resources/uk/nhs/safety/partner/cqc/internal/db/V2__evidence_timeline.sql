-- The campaign's publications as CQC inspection evidence: one row per plan or pledge-action publication, from the
-- campaign's durable event log (sequence is the event's position there). Written by the evidence timeline, which
-- core delivers to once per cluster; an event delivered again (after a node's crash) updates its row and counts the
-- delivery instead of adding a second row.
CREATE TABLE cqc_timeline (
    sequence     BIGINT                   NOT NULL PRIMARY KEY,
    ods_code     VARCHAR(10)              NOT NULL,
    topic        VARCHAR(100)             NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    summary      VARCHAR(300)             NOT NULL,
    handled_by   VARCHAR(64)              NOT NULL,
    deliveries   INTEGER                  NOT NULL
);
CREATE INDEX cqc_timeline_member ON cqc_timeline (ods_code, sequence);
