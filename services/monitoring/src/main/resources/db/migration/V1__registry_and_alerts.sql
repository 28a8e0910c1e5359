-- Household registry (户) and members (人口). ID numbers stay in this service; the bus carries
-- only their keyed hash (person_ref) and masked form.
create table household (
    id                     uuid primary key,
    division_code          varchar(12) not null,
    category               varchar(40) not null,
    not_entitled_to_policy boolean     not null default false,
    head_name              varchar(100),
    registered_at          timestamptz not null default now()
);
create index household_division on household (division_code);

create table household_member (
    id               uuid primary key,
    household_id     uuid         not null references household (id),
    name             varchar(100) not null,
    id_number        varchar(18)  not null unique,
    id_number_masked varchar(18)  not null,
    person_ref       char(64)     not null unique,
    relationship     varchar(20),
    labour_capacity  varchar(20)
);
create index household_member_household on household_member (household_id);

-- Signals from the bureaus' own data (部门信息比对), kept as received.
create table risk_signal (
    id                uuid primary key,
    household_id      uuid        not null,
    source_bureau     varchar(40) not null,
    risk_type         varchar(40) not null,
    description       varchar(500),
    figures           text,
    parameter_version varchar(200),
    observed_at       timestamptz not null,
    received_at       timestamptz not null default now(),
    outcome           varchar(500)
);
create index risk_signal_household on risk_signal (household_id);

create table risk_alert (
    id            uuid primary key,
    household_id  uuid          not null references household (id),
    division_code varchar(12)   not null,
    risk_types    varchar(400)  not null,
    explanation   varchar(2000) not null,
    status        varchar(20)   not null,
    signal_id     uuid,
    raised_at     timestamptz   not null
);
create index risk_alert_household on risk_alert (household_id);

-- A household is monitored for a risk type at most once at a time: no duplicate alerts.
create table monitored_risk (
    household_id uuid        not null,
    risk_type    varchar(40) not null,
    alert_id     uuid        not null references risk_alert (id),
    primary key (household_id, risk_type)
);

-- Who must help with what by when: one assignment per responsible bureau and alert.
create table assignment (
    id              uuid primary key,
    alert_id        uuid        not null references risk_alert (id),
    household_id    uuid        not null,
    bureau          varchar(40) not null,
    due_date        date        not null,
    status          varchar(20) not null,
    case_reference  varchar(100),
    acknowledged_at timestamptz,
    unique (alert_id, bureau)
);

-- The responsibility matrix (DOMAIN.md), effective-dated data: risk type -> bureaus, deadline.
create table responsibility (
    risk_type      varchar(40) not null,
    bureau         varchar(40) not null,
    deadline_days  int         not null,
    effective_from date        not null,
    primary key (risk_type, bureau, effective_from)
);

insert into responsibility (risk_type, bureau, deadline_days, effective_from) values
    ('ILLNESS', 'MEDICAL_INSURANCE', 15, date '2021-01-01'),
    ('ILLNESS', 'HEALTH', 15, date '2021-01-01'),
    ('ILLNESS', 'CIVIL_AFFAIRS', 15, date '2021-01-01'),
    ('DISABILITY', 'CIVIL_AFFAIRS', 15, date '2021-01-01'),
    ('DISABILITY', 'DISABLED_PERSONS_FEDERATION', 15, date '2021-01-01'),
    ('LACK_OF_LABOUR', 'CIVIL_AFFAIRS', 15, date '2021-01-01'),
    ('DISASTER', 'CIVIL_AFFAIRS', 7, date '2021-01-01'),
    ('ACCIDENT', 'CIVIL_AFFAIRS', 7, date '2021-01-01'),
    ('UNSTABLE_EMPLOYMENT', 'HUMAN_RESOURCES', 15, date '2021-01-01'),
    ('UNSAFE_HOUSING', 'HOUSING', 15, date '2021-01-01'),
    ('SCHOOLING', 'EDUCATION', 15, date '2021-01-01'),
    ('SCHOOL_DROPOUT', 'EDUCATION', 15, date '2021-01-01'),
    ('DRINKING_WATER', 'WATER', 15, date '2021-01-01'),
    ('FAILED_BUSINESS', 'AGRICULTURE', 15, date '2021-01-01'),
    ('OTHER', 'RURAL_REVITALIZATION', 15, date '2021-01-01');
