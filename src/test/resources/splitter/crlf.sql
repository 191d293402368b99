-- written on Windows
CREATE TABLE w (
  id int
);
INSERT INTO w VALUES (1);
  SELECT
    $$a;
b$$;
