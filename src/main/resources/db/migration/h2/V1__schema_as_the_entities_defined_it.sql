-- The schema as Hibernate's ddl-auto created it from the JPA entities before Flyway managed it (so a database
-- created that way is baselined at version 1 and carries on from V2). Versions: V1-V9 storage and import,
-- V10-V19 security, V20-V29 UI, V30-V39 scale. Every version exists for H2 (here) and PostgreSQL
-- (db/migration/postgresql); the entities are validated against the result at start-up (ddl-auto=validate).
create sequence visitor_seq start with 1000000000 increment by 1;

create table dataset_import (
    id integer not null,
    duration_ms bigint not null,
    genome_movies bigint,
    genome_tags bigint,
    imported_at timestamp(6) with time zone not null,
    links bigint not null,
    movies bigint not null,
    ratings bigint not null,
    skipped_rows bigint,
    tags bigint not null,
    users bigint not null,
    fingerprint varchar(64) not null,
    source_dir varchar(1024) not null,
    dataset varchar(255) not null,
    constraint dataset_import_pkey primary key (id)
);

create table genome_tag (
    tag_id integer not null,
    tag varchar(256) not null,
    constraint genome_tag_pkey primary key (tag_id)
);

create table genome_vector (
    movie_id integer not null,
    relevance varbinary(65536) not null,
    constraint genome_vector_pkey primary key (movie_id)
);

create table live_rating (
    movie_id integer not null,
    stars float(24) not null,
    user_id integer not null,
    rated_at bigint not null,
    constraint live_rating_pkey primary key (movie_id, user_id)
);

create table movie (
    movie_id integer not null,
    release_year integer,
    genres varchar(512) not null,
    title varchar(512) not null,
    constraint movie_pkey primary key (movie_id)
);

create table movie_link (
    imdb_id integer,
    movie_id integer not null,
    tmdb_id integer,
    constraint movie_link_pkey primary key (movie_id)
);

create table rating (
    movie_id integer not null,
    stars float(24) not null,
    user_id integer not null,
    rated_at bigint not null,
    constraint rating_pkey primary key (movie_id, user_id)
);

create table tmdb_poster (
    fetched_at timestamp(6) with time zone not null,
    tmdb_id bigint not null,
    poster_path varchar(255),
    status enum ('FOUND','NONE') not null,
    constraint tmdb_poster_pkey primary key (tmdb_id)
);

create table user_tag (
    movie_id integer not null,
    user_id integer not null,
    id bigint not null,
    tagged_at bigint not null,
    tag varchar(1024) not null,
    constraint user_tag_pkey primary key (id)
);

create table visitor (
    user_id integer not null,
    created_at bigint not null,
    constraint visitor_pkey primary key (user_id)
);
