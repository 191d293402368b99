CREATE INDEX CONCURRENTLY products_name_idx ON ${schema}.products (name);
