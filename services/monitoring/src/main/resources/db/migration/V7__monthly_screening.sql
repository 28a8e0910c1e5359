-- Monthly screening (村组每月摸排): the evaluation run over every household of a division for a
-- month; the households found at risk are kept with the rule's explanation for the village to screen.
create table screening_run (
    id               uuid primary key,
    month            char(7)      not null,
    scope            varchar(12)  not null,
    started_by       varchar(200) not null,
    started_at       timestamptz  not null,
    finished_at      timestamptz,
    households       int          not null default 0,
    at_risk          int          not null default 0,
    no_income_data   int          not null default 0,
    parameter_versions varchar(1000)
);

create table screening_result (
    run_id       uuid          not null references screening_run (id),
    household_id uuid          not null,
    division_code varchar(12)  not null,
    rule         varchar(30)   not null,
    risk_types   varchar(400)  not null,
    explanation  varchar(2000) not null,
    already_monitored boolean  not null,
    primary key (run_id, household_id)
);
create index risk_signal_observed on risk_signal (observed_at);
