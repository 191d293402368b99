-- Flyway replaces ${schema} before running; migsh does the same.
CREATE SCHEMA IF NOT EXISTS ${schema};
