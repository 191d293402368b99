ALTER TABLE accounts DROP COLUMN IF EXISTS status;
DROP TYPE IF EXISTS account_status;
DROP TRIGGER IF EXISTS accounts_touch ON accounts;
DROP FUNCTION IF EXISTS touch_updated_at();
