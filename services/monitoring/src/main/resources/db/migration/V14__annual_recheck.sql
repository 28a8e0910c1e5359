-- The year's re-check (年度动态调整): one per county and year, one task per monitored household
-- of the county when it was opened; every step a recorded decision.
create table recheck (
    id          uuid primary key,
    county_code varchar(6)   not null,
    year        int          not null,
    due_date    date         not null,
    opened_by   varchar(200) not null,
    opened_at   timestamptz  not null,
    task_count  int          not null default 0,
    unique (county_code, year)
);
create index recheck_county on recheck (county_code varchar_pattern_ops, year);

create table recheck_task (
    id                  uuid primary key,
    recheck_id          uuid         not null references recheck (id),
    household_id        uuid         not null references household (id),
    division_code       varchar(12)  not null,
    category_at_open    varchar(40)  not null,
    status              varchar(20)  not null check (status in ('TO_VISIT', 'VISITED', 'REVIEWED', 'CONFIRMED')),
    visited_on          date,
    per_capita_income   numeric(12, 2),
    outcome             varchar(30) check (outcome in ('STILL_AT_RISK', 'PROPOSE_ELIMINATION', 'PROPOSE_CATEGORY_CHANGE')),
    proposed_category   varchar(40),
    note                varchar(1000),
    visited_by          varchar(200),
    confirmed_at        timestamptz,
    elimination_id      uuid,
    unique (recheck_id, household_id)
);
-- lists and progress filter on the division prefix (like 'prefix%'), whatever the collation
create index recheck_task_division on recheck_task (recheck_id, division_code varchar_pattern_ops);
create index recheck_task_status on recheck_task (recheck_id, status, division_code varchar_pattern_ops);
create index recheck_task_household on recheck_task (household_id);

create table recheck_decision (
    id               bigserial primary key,
    task_id          uuid          not null references recheck_task (id),
    step             varchar(20)   not null,
    decision         varchar(10)   not null,
    outcome          varchar(30),
    reason           varchar(1000),
    decided_by       varchar(200)  not null,
    decided_division varchar(12)   not null,
    decided_at       timestamptz   not null
);
create index recheck_decision_task on recheck_decision (task_id);
