-- Aggregated patient-safety incident counts in the national reporting system's shape: one row per member, month
-- (its first day), incident category (a catalogue key) and degree of harm. The key is the natural key of the
-- import: importing the same file again changes nothing, a corrected count replaces the old one.
CREATE TABLE nhsi_incident (
    ods_code   VARCHAR(8)  NOT NULL,
    period     DATE        NOT NULL,
    category   VARCHAR(60) NOT NULL,
    harm       VARCHAR(10) NOT NULL,
    incidents  BIGINT      NOT NULL,
    PRIMARY KEY (ods_code, period, category, harm)
);
-- The national series and the roll-up read by month.
CREATE INDEX nhsi_incident_period ON nhsi_incident (period);
