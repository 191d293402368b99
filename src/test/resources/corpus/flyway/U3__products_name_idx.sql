DROP INDEX CONCURRENTLY IF EXISTS ${schema}.products_name_idx;
