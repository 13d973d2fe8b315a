-- ${partnerName}: the plan versions members publish, from the campaign's event log.
-- Every object is named with this partner's prefix (${partnerId}_): the platform refuses a script that names
-- anything else, and so does the partner test kit in this project's unit tests. SQL that H2 2.2 and PostgreSQL 15
-- both accept.
CREATE TABLE ${partnerId}_publication (
    sequence     BIGINT                   NOT NULL PRIMARY KEY,
    ods_code     VARCHAR(10)              NOT NULL,
    plan_version BIGINT                   NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ${partnerId}_publication_ods ON ${partnerId}_publication (ods_code, sequence);
