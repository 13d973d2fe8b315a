-- Web login sessions, shared by every node. Never the session id itself: its SHA-256 in hex, so that whoever reads
-- the table cannot act as the user. The administrators' handle is the first 12 digits of id_hash.
CREATE TABLE web_session (
    id_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_name VARCHAR(200) NOT NULL,
    -- the roles last found in the realm, one per line
    roles VARCHAR(4000) NOT NULL,
    address VARCHAR(100),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_user ON web_session (user_name);
CREATE INDEX web_session_last_seen ON web_session (last_seen);
