DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN
    CREATE ROLE app;
  END IF;
END
$$;
DO LANGUAGE plpgsql $body$ BEGIN PERFORM 1; END $body$;
