-- Demo seeding, once per database: the node that seeds records it here before it starts and when it has finished,
-- under the database lock 'demo-seed', so that nodes starting together on an empty database seed it once. A row
-- without finished_at is a seeding that stopped part-way (a crash): the next start resumes it.
CREATE TABLE demo_seed (
    singleton INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
    node_id VARCHAR(200) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);
