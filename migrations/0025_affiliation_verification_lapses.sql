-- A verified affiliation states that this name, organisation, category and country were checked:
-- an update changing any of them, unless it verifies anew (sets affiliation_verified_at), clears
-- the verification; focal-point status needs a verification and lapses with it.
CREATE OR REPLACE FUNCTION users_affiliation_verification_lapses() RETURNS trigger AS $$
BEGIN
  IF (NEW.display_name, NEW.affiliation, NEW.stakeholder_category::text, NEW.country)
       IS DISTINCT FROM (OLD.display_name, OLD.affiliation, OLD.stakeholder_category::text, OLD.country)
     AND NEW.affiliation_verified_at IS NOT DISTINCT FROM OLD.affiliation_verified_at THEN
    NEW.affiliation_verified_at := NULL;
    NEW.affiliation_verified_by := NULL;
    NEW.affiliation_verified_by_name := NULL;
    NEW.affiliation_verified_via := NULL;
  END IF;
  IF NEW.affiliation_verified_at IS NULL OR NEW.country IS NULL THEN
    NEW.focal_point_at := NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_affiliation_verification_lapses
  BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_affiliation_verification_lapses();
