-- The database's identity: one row, written by the platform (a random UUID) right after the first migration.
-- A node that has held data keeps it in data/safety/store-identity and refuses an empty or different database.
CREATE TABLE store_identity (
    singleton INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
    database_id VARCHAR(36) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
