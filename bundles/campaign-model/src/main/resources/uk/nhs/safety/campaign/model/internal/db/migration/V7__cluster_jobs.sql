-- Long jobs that run once at a time across the nodes (ClusterJobs: a partner's import): one row per running job,
-- naming the node and the run, while the node renews lease_until; the row goes when the job ends. A node that dies
-- leaves its row behind, and another node takes the job over once lease_until has passed.
CREATE TABLE cluster_job (
    job         VARCHAR(100) NOT NULL PRIMARY KEY,
    description VARCHAR(200) NOT NULL,
    node_id     VARCHAR(63)  NOT NULL,
    run_id      VARCHAR(36)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
