CREATE INDEX CONCURRENTLY IF NOT EXISTS events_created_at_idx
    ON {{ index .Options "Namespace" }}.events (created_at);
