-- PostgreSQL's variant of ../V2__bytewise_keys.sql (see there): the claim reference and the summary's member code
-- compared byte by byte. Only the collation changes: PostgreSQL rebuilds the two indexes, not the tables.
ALTER TABLE nhsla_claim ALTER COLUMN claim_ref TYPE VARCHAR(40) COLLATE "C";
ALTER TABLE nhsla_claim_summary ALTER COLUMN ods_code TYPE VARCHAR(8) COLLATE "C";
