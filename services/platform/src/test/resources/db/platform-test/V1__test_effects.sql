create table applied_effect (
    id           bigserial primary key,
    household_id uuid not null
);
