DROP TABLE ${schema}.orders;
