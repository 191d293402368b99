-- migrate:up transaction:false
create index concurrently if not exists posts_author_id_idx on posts (author_id);

-- migrate:down transaction:false
drop index concurrently if exists posts_author_id_idx;
