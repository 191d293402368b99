CREATE TABLE ${schema}.orders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id integer NOT NULL REFERENCES ${schema}.products (id),
    quantity   integer NOT NULL DEFAULT 1
);
CREATE INDEX orders_product_id_idx ON ${schema}.orders (product_id);
