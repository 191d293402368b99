CREATE TABLE ${schema}.products (
    id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name  text NOT NULL,
    price numeric(10, 2) NOT NULL CHECK (price >= 0)
);

COMMENT ON TABLE ${schema}.products IS 'catalogue of ${shop_name}, created by ${migsh:filename}';
