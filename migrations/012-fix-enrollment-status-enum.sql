-- Adds the enrollment statuses the application already sends: pending (before active) and suspended.
-- migrate:up
ALTER TYPE enrollment_status ADD VALUE IF NOT EXISTS 'pending' BEFORE 'active';
ALTER TYPE enrollment_status ADD VALUE IF NOT EXISTS 'suspended';

-- migrate:down
-- PostgreSQL cannot remove a value from an enum; the extra values are harmless if unused.

-- migrate:verify
-- reads pg_enum rather than casting: a new enum value cannot be used in the transaction that added it
SELECT enumlabel FROM pg_enum WHERE enumtypid = 'enrollment_status'::regtype ORDER BY enumsortorder;
