-- The operator's login for /admin (and operator requests to the API): the user name and a BCrypt hash of the
-- password. Filled at the first start with a generated password when movierec.admin.password is not set.
create table if not exists operator_account (
    username varchar(64) not null,
    password_hash varchar(100) not null,
    created_at bigint not null,
    constraint operator_account_pkey primary key (username)
);
