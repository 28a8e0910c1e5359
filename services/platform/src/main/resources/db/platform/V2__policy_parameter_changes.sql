-- Who changed which policy parameter, when and why. Rows are never updated or deleted.
create table policy_parameter_change (
    id             bigserial primary key,
    name           varchar(100)   not null,
    scope          varchar(20)    not null,
    effective_from date           not null,
    old_value      numeric(18, 4),
    new_value      numeric(18, 4) not null,
    changed_by     varchar(200)   not null,
    reason         varchar(500)   not null,
    changed_at     timestamptz    not null default now()
);
create index policy_parameter_change_name on policy_parameter_change (name, changed_at);
