CREATE SCHEMA IF NOT EXISTS {{ index .Options "Namespace" }};
