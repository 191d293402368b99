-- Semicolons inside literals and quoted identifiers do not end a statement.
INSERT INTO notes (body) VALUES ('one; two'), ('it''s; fine');
SELECT E'escaped \' quote; still inside', e'back\\slash';
CREATE TABLE "a;b" ("col;umn" int, "say ""hi"";" text);
SELECT 'standard \' ; -- a backslash is literal in a standard string
SELECT U&'d\0061t;a', B'1010', X'1F';
