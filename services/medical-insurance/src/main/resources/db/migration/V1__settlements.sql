-- Who is insured in which registered household, from monitoring's HouseholdRegistered events.
-- Persons are known by the keyed hash of their ID number (person_ref), never the number.
create table insured_household (
    household_id           uuid primary key,
    division_code          varchar(12) not null,
    category               varchar(40) not null,
    not_entitled_to_policy boolean     not null,
    updated_at             timestamptz not null default now()
);

create table insured_person (
    person_ref       char(64) primary key,
    person_id        uuid     not null,
    household_id     uuid     not null references insured_household (household_id),
    masked_id_number varchar(18)
);
create index insured_person_household on insured_person (household_id);

-- Settlements as hospitals and the provincial platform settled them; idempotent by settlement id.
create table settlement (
    settlement_id           varchar(64)    primary key,
    person_ref              char(64)       not null,
    masked_id_number        varchar(18)    not null,
    hospital                varchar(200)   not null,
    settled_on              date           not null,
    total_cost              numeric(14, 2) not null,
    basic_insurance_paid    numeric(14, 2) not null,
    critical_illness_paid   numeric(14, 2) not null,
    medical_assistance_paid numeric(14, 2) not null,
    self_pay                numeric(14, 2) not null,
    submitted_by            varchar(200)   not null,
    received_at             timestamptz    not null default now()
);
create index settlement_person_year on settlement (person_ref, settled_on);

-- One high-spending signal per household and year: the crossing is signalled once.
create table self_pay_signal (
    household_id      uuid           not null,
    year              int            not null,
    signal_id         uuid           not null,
    self_pay          numeric(14, 2) not null,
    threshold         numeric(14, 2) not null,
    parameter_version varchar(200)   not null,
    signalled_at      timestamptz    not null default now(),
    primary key (household_id, year)
);

-- Risk alerts as received from monitoring; named = this bureau has an assignment in it.
create table received_alert (
    alert_id      uuid primary key,
    household_id  uuid         not null,
    division_code varchar(12)  not null,
    risk_types    varchar(400) not null,
    named         boolean      not null,
    assignment_id uuid,
    due_date      date,
    received_at   timestamptz  not null default now()
);

-- DOMAIN.md's published example thresholds for yearly self-pay after the three tiers.
insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('medical.self-pay-threshold.monitored', '*', date '2021-01-01', 6000, 'CNY',
     '监测对象或脱贫人口年度自付医疗费用预警线（示例参数，DOMAIN.md）'),
    ('medical.self-pay-threshold.other', '*', date '2021-01-01', 10000, 'CNY',
     '其他人口年度自付医疗费用预警线（示例参数，DOMAIN.md）');
