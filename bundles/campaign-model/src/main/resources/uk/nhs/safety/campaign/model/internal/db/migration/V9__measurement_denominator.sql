-- What a measurement's count is out of (patients, admissions, bed days): p and u charts need it; other charts
-- leave it NULL.
ALTER TABLE measurement ADD COLUMN denominator DOUBLE PRECISION;
