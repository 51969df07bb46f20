-- A visitor owns their ratings through a secret token (a cookie in the browser, a bearer token in the API). Only
-- its SHA-256 is stored (hex); visitors created before tokens existed have none and stay read-only (except to the
-- operator). "if not exists": a database that the old ddl-auto created from newer entities may have it already.
alter table visitor add column if not exists token_hash varchar(64);
create unique index if not exists visitor_token_hash on visitor (token_hash);
