-- Every registered person, from monitoring's HouseholdRegistered: labourers are those with full or
-- partial labour capacity. Employment status is this bureau's own record.
create table person (
    person_id         uuid primary key,
    household_id      uuid         not null,
    division_code     varchar(12)  not null,
    person_ref        varchar(64),
    name              varchar(100),
    masked_id_number  varchar(18),
    labour_capacity   varchar(10),
    employment_status varchar(12)  not null default 'UNKNOWN'
        check (employment_status in ('UNKNOWN', 'EMPLOYED', 'UNEMPLOYED', 'LOST_JOB')),
    status_since      date,
    updated_at        timestamptz  not null default now()
);
create index person_household on person (household_id);
create index person_division on person (division_code);

-- The household's category, and when the county confirmed it as a monitoring object until its risk was eliminated.
create table household_category (
    household_id   uuid primary key,
    category       varchar(40) not null,
    monitored_from date,
    monitored_to   date
);

create table training (
    id           uuid primary key,
    person_id    uuid          not null references person (person_id),
    course       varchar(200)  not null,
    hours        int           not null check (hours > 0),
    completed_on date          not null,
    recorded_by  varchar(200)  not null,
    recorded_at  timestamptz   not null default now()
);

-- Rural public-welfare posts (乡村公益性岗位): set by need, hired per post, paid while on the post, exited in order.
create table welfare_post (
    id              uuid primary key,
    division_code   varchar(12)    not null,
    post_type       varchar(100)   not null,
    seats           int            not null check (seats > 0),
    monthly_subsidy numeric(10, 2) not null check (monthly_subsidy > 0),
    created_by      varchar(200)   not null,
    created_at      timestamptz    not null default now()
);
create index welfare_post_division on welfare_post (division_code);

create table post_holding (
    id            uuid primary key,
    post_id       uuid          not null references welfare_post (id),
    person_id     uuid          not null references person (person_id),
    household_id  uuid          not null,
    hired_on      date          not null,
    exited_on     date,
    exit_reason   varchar(200),
    alert_id      uuid,
    assignment_id uuid,
    check (exited_on is null or exited_on >= hired_on)
);
-- one post at a time per person
create unique index post_holding_active_person on post_holding (person_id) where exited_on is null;
create index post_holding_post on post_holding (post_id) where exited_on is null;

-- The month's attendance and the subsidy it earned, once per holding and month.
create table attendance (
    holding_id    uuid           not null references post_holding (id),
    person_id     uuid           not null references person (person_id),
    month         date           not null check (extract(day from month) = 1),
    days_worked   int            not null check (days_worked >= 0 and days_worked <= 31),
    required_days int            not null,
    subsidy       numeric(10, 2) not null,
    parameter_version varchar(200) not null,
    recorded_by   varchar(200)   not null,
    recorded_at   timestamptz    not null default now(),
    primary key (holding_id, month),
    -- one subsidy per person and month, whatever post they held that month
    unique (person_id, month)
);

-- Who civil affairs assists, per person and programme, over time (for pension premiums paid on behalf).
create table assisted_person (
    id         uuid primary key,
    person_ref varchar(64) not null,
    programme  varchar(10) not null,
    valid_from date        not null,
    valid_to   date
);
create index assisted_person_ref on assisted_person (person_ref);

insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('employment.post.required-days', '*', date '2021-01-01', 20, 'days/month', '示例值：公益性岗位每月应出勤天数（待人社局核定）'),
    ('employment.pension.lowest-tier', '*', date '2021-01-01', 200.00, 'CNY/person/year', '示例值：城乡居民养老保险最低缴费档次（待人社局核定）');
