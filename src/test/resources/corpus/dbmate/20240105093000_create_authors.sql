-- migrate:up
create table authors (
  id serial primary key,
  name varchar(255) not null,
  bio text
);

-- migrate:down
drop table authors;
