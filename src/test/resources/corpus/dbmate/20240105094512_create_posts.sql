-- migrate:up
create table posts (
  id serial primary key,
  author_id integer not null references authors (id),
  title text not null,
  body text not null default ''
);

-- migrate:down
drop table posts;
