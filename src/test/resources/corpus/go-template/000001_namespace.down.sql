DROP SCHEMA IF EXISTS {{ index .Options "Namespace" }};
