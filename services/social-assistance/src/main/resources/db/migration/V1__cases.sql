-- This bureau's copy of the registry, from monitoring's HouseholdRegistered (masked ID numbers only).
create table household_roster (
    household_id           uuid primary key,
    division_code          varchar(12) not null,
    category               varchar(40) not null,
    not_entitled_to_policy boolean     not null,
    head_name              varchar(100),
    updated_at             timestamptz not null default now()
);

create table roster_member (
    person_id        uuid primary key,
    household_id     uuid         not null references household_roster (household_id),
    name             varchar(100),
    masked_id_number varchar(18),
    relationship     varchar(20),
    labour_capacity  varchar(20)
);
create index roster_member_household on roster_member (household_id);

-- Every risk alert this bureau received, named in it or not.
create table received_alert (
    alert_id      uuid primary key,
    household_id  uuid         not null,
    division_code varchar(12)  not null,
    risk_types    varchar(400) not null,
    named         boolean      not null,
    received_at   timestamptz  not null default now()
);

-- A case in the county operators' queue: one per household and alert.
create table assistance_case (
    id            uuid primary key,
    household_id  uuid          not null,
    alert_id      uuid          not null,
    assignment_id uuid          not null,
    division_code varchar(12)   not null,
    risk_types    varchar(400)  not null,
    explanation   varchar(2000) not null,
    status        varchar(20)   not null,
    due_date      date          not null,
    opened_at     timestamptz   not null default now(),
    unique (household_id, alert_id)
);
create index assistance_case_division on assistance_case (division_code, status, opened_at);
