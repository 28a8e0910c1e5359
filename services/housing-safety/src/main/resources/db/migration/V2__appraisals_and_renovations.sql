-- The households this bureau looks after, from monitoring's registry events, and whether they are
-- low-income (脱贫户 or a monitoring category, or on dibao / 特困 from civil affairs).
create table household (
    household_id  uuid primary key,
    division_code varchar(12)  not null,
    category      varchar(40)  not null,
    head_name     varchar(100),
    assisted      boolean      not null default false,
    updated_at    timestamptz  not null default now()
);
create index household_division on household (division_code);

-- An appraisal to do (鉴定任务), opened by an alert that names this bureau for unsafe housing.
create table appraisal_task (
    id            uuid primary key,
    household_id  uuid        not null,
    division_code varchar(12) not null,
    alert_id      uuid        not null unique,
    assignment_id uuid        not null,
    due_date      date        not null,
    status        varchar(10) not null check (status in ('OPEN', 'DONE')),
    opened_at     timestamptz not null default now()
);
create index appraisal_task_division on appraisal_task (division_code, status, due_date);

-- A house appraised (A safe, B basically safe, C locally dangerous, D dangerous as a whole).
create table appraisal (
    id            uuid primary key,
    household_id  uuid          not null,
    division_code varchar(12)   not null,
    task_id       uuid references appraisal_task (id),
    grade         char(1)       not null check (grade in ('A', 'B', 'C', 'D')),
    inspector     varchar(100)  not null,
    appraised_on  date          not null,
    findings      varchar(2000) not null,
    recorded_by   varchar(200)  not null,
    recorded_at   timestamptz   not null default now()
);
create index appraisal_household on appraisal (household_id, appraised_on);
create index appraisal_division on appraisal (division_code, appraised_on);

-- A renovation for a low-income household's C or D house: repair for C, rebuild for D, with its subsidy,
-- started, then completed with an inspection that finds the house safe (A or B).
create table renovation (
    id                  uuid primary key,
    household_id        uuid           not null,
    division_code       varchar(12)    not null,
    appraisal_id        uuid           not null unique references appraisal (id),
    kind                varchar(10)    not null check (kind in ('REPAIR', 'REBUILD')),
    subsidy             numeric(12, 2) not null,
    parameter_version   varchar(200)   not null,
    status              varchar(10)    not null check (status in ('PLANNED', 'STARTED', 'COMPLETED')),
    alert_id            uuid,
    assignment_id       uuid,
    started_on          date,
    completed_on        date,
    completion_grade    char(1),
    completion_inspector varchar(100),
    created_at          timestamptz    not null default now()
);
create index renovation_division on renovation (division_code, status);

insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('housing.subsidy.repair', '*', date '2021-01-01', 10000.00, 'CNY/household', '示例值：C级危房修缮加固补助（待住建局核定）'),
    ('housing.subsidy.rebuild', '*', date '2021-01-01', 35000.00, 'CNY/household', '示例值：D级危房拆除重建补助（待住建局核定）');
