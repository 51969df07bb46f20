-- The MovieLens ratings get one BIGINT primary key, rating_key = user_id * 2^32 + movie_id: the same (user, movie)
-- order as the old composite key and as ratings.csv, but H2 stores a table with a single integer primary key in
-- that key's order (it is the row key), with no separate index. With the composite key H2 kept a second B-tree,
-- and building it after the import's load took 53 of its 150 s at 25 million ratings. "Ratings of user U" is the
-- key range [U * 2^32, U * 2^32 + 2^32 - 1].
--
-- The MovieLens ratings of an existing database are not copied into the new table: an INSERT ... SELECT of millions
-- of rows is one H2 transaction, the kind that made the old import's database grow by tens of GB. The dataset is
-- forgotten instead (its dataset_import row), so the next start imports the files again, staged and in small
-- transactions (about a minute for 25 million ratings, two seconds for ml-latest-small). Live ratings, visitors,
-- accounts and posters are kept.
create table rating_keyed (
    rating_key bigint not null,
    user_id integer not null,
    movie_id integer not null,
    stars float(24) not null,
    rated_at bigint not null,
    constraint rating_keyed_pkey primary key (rating_key)
);
drop table rating;
alter table rating_keyed rename to rating;
alter table rating rename constraint rating_keyed_pkey to rating_pkey;
delete from dataset_import;
