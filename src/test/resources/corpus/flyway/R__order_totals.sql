-- Repeatable: Flyway runs it after the versioned migrations, and again whenever this text
-- changes. The body is a string, so dropping the tables does not drop the function.
CREATE OR REPLACE FUNCTION public.${schema}_order_total(p_order bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT o.quantity * p.price
    FROM ${schema}.orders o JOIN ${schema}.products p ON p.id = o.product_id
    WHERE o.id = p_order
$$;
