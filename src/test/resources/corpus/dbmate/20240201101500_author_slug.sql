-- migrate:up
alter table authors add column slug text;
update authors set slug = lower(replace(name, ' ', '-'));
alter table authors alter column slug set not null;
create unique index authors_slug_idx on authors (slug);

-- migrate:down
-- the index goes with the column
alter table authors drop column slug;
