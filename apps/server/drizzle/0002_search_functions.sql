-- array_to_string is only STABLE, so it cannot appear in a generated column; for text[] it is immutable in practice.
CREATE OR REPLACE FUNCTION platform.immutable_array_to_string(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$;
