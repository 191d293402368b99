CREATE OR REPLACE FUNCTION public.${schema}_price_ok(price numeric) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN price >= 0;
END
$$;
