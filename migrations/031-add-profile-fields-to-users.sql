-- Adds profile fields to users: bio, phone and location.
-- migrate:up
ALTER TABLE users
	ADD COLUMN bio text,
	ADD COLUMN phone varchar(30),
	ADD COLUMN location varchar(255);

-- migrate:down
ALTER TABLE users DROP COLUMN bio;
ALTER TABLE users DROP COLUMN phone;
ALTER TABLE users DROP COLUMN location;

-- migrate:verify
SELECT bio, phone, location FROM users LIMIT 0;
