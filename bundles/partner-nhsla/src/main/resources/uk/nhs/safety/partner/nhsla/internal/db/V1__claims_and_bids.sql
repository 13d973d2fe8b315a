-- NHS LA claims, keyed by the claim reference (the natural key: re-imports update in place).
-- Money is held in pence so sums are exact; notification_fy is the NHS financial year of notification
-- (2014 = 1 April 2014 to 31 March 2015), the "scheme year" profiles are asked over.
CREATE TABLE nhsla_claim (
    claim_ref          VARCHAR(40)  NOT NULL PRIMARY KEY,
    ods_code           VARCHAR(8)   NOT NULL,
    scheme             VARCHAR(10)  NOT NULL,
    specialty          VARCHAR(80)  NOT NULL,
    cause              VARCHAR(80)  NOT NULL,
    injury             VARCHAR(80)  NOT NULL,
    incident_date      DATE         NOT NULL,
    notification_date  DATE         NOT NULL,
    notification_fy    INTEGER      NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    damages_pence      BIGINT       NOT NULL,
    defence_pence      BIGINT       NOT NULL,
    claimant_pence     BIGINT       NOT NULL
);

-- Claims summed by member, year, specialty, cause and scheme: what every profile and linkage reads (a few tens of
-- thousands of rows however many claims). Rebuilt by each import that changes claims, in the import's transaction,
-- so it always matches nhsla_claim. (No secondary index on nhsla_claim: nothing reads it but by reference.)
CREATE TABLE nhsla_claim_summary (
    ods_code           VARCHAR(8)   NOT NULL,
    notification_fy    INTEGER      NOT NULL,
    specialty          VARCHAR(80)  NOT NULL,
    cause              VARCHAR(80)  NOT NULL,
    scheme             VARCHAR(10)  NOT NULL,
    claims             BIGINT       NOT NULL,
    value_pence        BIGINT       NOT NULL
);
CREATE INDEX nhsla_claim_summary_member ON nhsla_claim_summary (ods_code, notification_fy);

-- Incentive bids and their assessment, one per member and scheme year (a new bid replaces the old one).
CREATE TABLE nhsla_bid (
    ods_code           VARCHAR(8)    NOT NULL,
    scheme_year        INTEGER       NOT NULL,
    contribution_pence BIGINT        NOT NULL,
    asked_pence        BIGINT        NOT NULL,
    areas              VARCHAR(1000) NOT NULL,
    approved           BOOLEAN       NOT NULL,
    reasons            VARCHAR(4000) NOT NULL,
    score_pence        BIGINT        NOT NULL,
    assessed_at        TIMESTAMP     NOT NULL,
    assessed_by        VARCHAR(100)  NOT NULL,
    PRIMARY KEY (ods_code, scheme_year)
);
