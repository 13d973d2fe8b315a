-- The nodes sharing this database, for the operators' view (safety:cluster, /api/health): each node writes its row
-- when it starts, refreshes last_seen every heartbeat and sets stopped_at on a clean shutdown; old rows are purged.
CREATE TABLE cluster_node (
    id VARCHAR(63) NOT NULL PRIMARY KEY,
    version VARCHAR(100) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at TIMESTAMP WITH TIME ZONE
);

-- The partners installed on each node and their health at its last heartbeat.
CREATE TABLE cluster_node_partner (
    node_id VARCHAR(63) NOT NULL REFERENCES cluster_node (id) ON DELETE CASCADE,
    partner_id VARCHAR(100) NOT NULL,
    version VARCHAR(100) NOT NULL,
    status VARCHAR(10) NOT NULL,
    detail VARCHAR(1000),
    PRIMARY KEY (node_id, partner_id)
);
