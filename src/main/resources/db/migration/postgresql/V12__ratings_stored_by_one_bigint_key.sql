-- The MovieLens ratings get one BIGINT primary key, rating_key = user_id * 2^32 + movie_id, as on H2 (where a single
-- integer primary key is the row key, so the import needs no separate index): one schema for both databases.
-- "Ratings of user U" is the key range [U * 2^32, U * 2^32 + 2^32 - 1].
alter table rating add column rating_key bigint;
update rating set rating_key = cast(user_id as bigint) * 4294967296 + movie_id;
alter table rating alter column rating_key set not null;
alter table rating drop constraint rating_pkey;
alter table rating add constraint rating_pkey primary key (rating_key);
-- The Spark job (spark/, JdbcRatings) reads the ratings in parallel ranges of user_id; this index keeps each range
-- (and its min/max bounds query) from scanning the whole table. Only here: H2 is not read by Spark, and there the
-- index would cost the import a second B-tree again. The import rebuilds it on its twin (StagingTables).
create index rating_user_id on rating (user_id);
