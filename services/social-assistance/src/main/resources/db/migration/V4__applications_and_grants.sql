-- Other bureaus match people by the keyed hash of the ID number; status events carry it.
alter table roster_member add column person_ref varchar(64);

-- A dibao or 特困 application, from a case or a walk-in (来访申请), with everything the decision
-- used: the household's declared income and spending, each member's labour capacity and own income
-- (application_member), and once decided the determination (counted income, standard, parameter
-- versions, the amount and how it was rounded).
create table assistance_application (
    id                  uuid primary key,
    household_id        uuid          not null references household_roster (household_id),
    case_id             uuid references assistance_case (id),
    division_code       varchar(12)   not null,
    programme           varchar(10)   not null check (programme in ('DIBAO', 'TEKUN')),
    total_income        numeric(12, 2) not null check (total_income >= 0),
    basic_pension       numeric(12, 2) not null check (basic_pension >= 0),
    illness_spending    numeric(12, 2) not null check (illness_spending >= 0),
    schooling_spending  numeric(12, 2) not null check (schooling_spending >= 0),
    employment_costs    numeric(12, 2) not null check (employment_costs >= 0),
    status              varchar(10)   not null check (status in ('SUBMITTED', 'GRANTED', 'REJECTED')),
    submitted_by        varchar(200)  not null,
    submitted_at        timestamptz   not null default now(),
    decided_by          varchar(200),
    decided_on          date,
    decision_reason     varchar(1000),
    counted_income      numeric(12, 2),
    income_per_person   numeric(12, 2),
    standard_monthly    numeric(12, 2),
    monthly_amount      numeric(12, 2),
    parameter_versions  varchar(1000),
    determination       varchar(2000)
);
create index assistance_application_division on assistance_application (division_code, status, submitted_at);
create index assistance_application_household on assistance_application (household_id);

create table application_member (
    application_id    uuid           not null references assistance_application (id),
    person_id         uuid           not null,
    capacity          varchar(10)    not null check (capacity in ('FULL', 'PARTIAL', 'NONE')),
    own_yearly_income numeric(12, 2) not null check (own_yearly_income >= 0),
    own_basic_pension numeric(12, 2) not null check (own_basic_pension >= 0),
    under_sixteen     boolean        not null,
    covered           boolean        not null,
    primary key (application_id, person_id)
);

-- A granted benefit: paid monthly from first_month until stop_month (the first month without
-- payment, set by a negative review), reviewed by next_review.
create table assistance_grant (
    id              uuid primary key,
    application_id  uuid           not null unique references assistance_application (id),
    household_id    uuid           not null references household_roster (household_id),
    division_code   varchar(12)    not null,
    programme       varchar(10)    not null,
    monthly_amount  numeric(12, 2) not null check (monthly_amount > 0),
    first_month     date           not null check (extract(day from first_month) = 1),
    stop_month      date           check (stop_month is null or (extract(day from stop_month) = 1 and stop_month >= first_month)),
    next_review     date           not null,
    status          varchar(10)    not null check (status in ('ACTIVE', 'STOPPED')),
    granted_on      date           not null
);
create index assistance_grant_division on assistance_grant (division_code, status, next_review);
create index assistance_grant_household on assistance_grant (household_id);

-- Who a grant covers. A person is covered by at most one active grant (checked under the household's lock).
create table grant_person (
    grant_id   uuid        not null references assistance_grant (id),
    person_id  uuid        not null,
    person_ref varchar(64),
    primary key (grant_id, person_id)
);
create index grant_person_person on grant_person (person_id);

-- Every review of a grant, positive or negative, with its reason.
create table grant_review (
    id          uuid primary key,
    grant_id    uuid          not null references assistance_grant (id),
    eligible    boolean       not null,
    reason      varchar(1000) not null,
    decided_on  date          not null,
    decided_by  varchar(200)  not null,
    recorded_at timestamptz   not null default now()
);

-- The monthly payroll: one payment per grant and month, whatever the number of runs.
create table grant_payment (
    grant_id  uuid           not null references assistance_grant (id),
    month     date           not null check (extract(day from month) = 1),
    amount    numeric(12, 2) not null,
    run_by    varchar(200)   not null,
    paid_at   timestamptz    not null default now(),
    primary key (grant_id, month)
);

-- Cases are closed with an outcome (CaseClosed to monitoring).
alter table assistance_case add column outcome varchar(1000);
alter table assistance_case add column closed_at timestamptz;

-- Green-channel payouts are paid first and reviewed afterwards (先救助后审核).
alter table fund_movement add column reviewed_by varchar(200);
alter table fund_movement add column reviewed_at timestamptz;
alter table fund_movement add column review_note varchar(500);
-- A payout's request id (the caller's): the same request again pays nothing more.
alter table fund_movement add column request_id uuid unique;

insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('tekun.support-standard.monthly', '*', date '2021-01-01', 600.00, 'CNY/person/month', '示例值：农村特困人员基本生活标准（待民政局核定）'),
    ('tekun.support-standard.monthly', '*', date '2024-01-01', 680.00, 'CNY/person/month', '示例值：农村特困人员基本生活标准（待民政局核定）'),
    ('tekun.review-months', '*', date '2021-01-01', 12, 'months', '示例值：特困人员复核周期');
