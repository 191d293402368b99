DROP TABLE ${schema}.products;
