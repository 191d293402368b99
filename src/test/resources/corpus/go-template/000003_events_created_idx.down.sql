DROP INDEX CONCURRENTLY IF EXISTS {{ index .Options "Namespace" }}.events_created_at_idx;
