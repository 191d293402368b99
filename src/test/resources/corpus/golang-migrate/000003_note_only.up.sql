-- This version was squashed into 000001 when the project was young.
-- It stays so that databases that recorded it keep a consistent history.
/* nothing to run */
