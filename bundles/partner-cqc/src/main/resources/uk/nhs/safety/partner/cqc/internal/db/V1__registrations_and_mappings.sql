-- CQC providers and locations as imported from CQC's public API (JSON), keyed by CQC's own id. member_ods is the
-- campaign member the record belongs to: its odsCode when that is a member, else the trust code of a trust site
-- (the first 3 characters of RGT01); empty when neither is a member.
CREATE TABLE cqc_registration (
    cqc_id              VARCHAR(20)   NOT NULL PRIMARY KEY,
    kind                VARCHAR(10)   NOT NULL,
    provider_id         VARCHAR(20)   NOT NULL,
    name                VARCHAR(300)  NOT NULL,
    ods_code            VARCHAR(10)   NOT NULL,
    member_ods          VARCHAR(10)   NOT NULL,
    registration_status VARCHAR(40),
    org_type            VARCHAR(100),
    region              VARCHAR(100),
    postal_code         VARCHAR(10),
    overall_rating      VARCHAR(40),
    overall_date        DATE,
    imported_at         TIMESTAMP     NOT NULL
);
CREATE INDEX cqc_registration_member ON cqc_registration (member_ods);

-- Current key-question ratings of each provider or location (currentRatings.overall.keyQuestionRatings).
CREATE TABLE cqc_rating (
    cqc_id       VARCHAR(20)  NOT NULL,
    key_question VARCHAR(20)  NOT NULL,
    rating       VARCHAR(40)  NOT NULL,
    report_date  DATE,
    PRIMARY KEY (cqc_id, key_question)
);

-- Per-item overrides of the default mapping: this item of this member is evidence for exactly these statements
-- (comma-separated ids; empty = deliberately for none).
CREATE TABLE cqc_mapping_override (
    ods_code    VARCHAR(10)   NOT NULL,
    item_kind   VARCHAR(20)   NOT NULL,
    item_key    VARCHAR(60)   NOT NULL,
    statements  VARCHAR(2000) NOT NULL,
    set_by      VARCHAR(100)  NOT NULL,
    set_at      TIMESTAMP     NOT NULL,
    PRIMARY KEY (ods_code, item_kind, item_key)
);
