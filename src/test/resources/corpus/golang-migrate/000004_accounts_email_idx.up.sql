-- a lone concurrent build: golang-migrate runs it outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON accounts (lower(email));
