-- The December report (年度工作总结报告, ADR 0037): the facts it counts, folded from the platform's
-- events (never from another service's database), and the counties' reports with their versions.

-- Each household's area, category and masked head name (the only form of the name kept here).
create table report_household (
    household_id  uuid primary key,
    division_code varchar(12) not null,
    category      varchar(40) not null,
    masked_name   varchar(40),
    revision      int         not null default 0
);
create index report_household_division on report_household (division_code text_pattern_ops);

-- Identified (县级确定), eliminated (风险消除) and rolled back (撤销消除), one row per event.
create table report_monitoring (
    event_id      uuid primary key,
    household_id  uuid         not null,
    division_code varchar(12)  not null,
    kind          varchar(20)  not null,
    category      varchar(40),
    risk_types    varchar(400) not null,
    occurred_at   timestamptz  not null
);
create index report_monitoring_division on report_monitoring (division_code text_pattern_ops, occurred_at);

-- Every alert, with the parameter versions its explanation cites.
create table report_alert (
    alert_id           uuid primary key,
    household_id       uuid          not null,
    division_code      varchar(12)   not null,
    risk_types         varchar(400)  not null,
    raised_at          timestamptz   not null,
    parameter_versions varchar(2000) not null
);
create index report_alert_division on report_alert (division_code text_pattern_ops, raised_at);

-- Every assignment (责任单位): its deadline from the alert, its answers from the bureau's topic, in any order.
create table report_assignment (
    assignment_id   uuid primary key,
    alert_id        uuid,
    household_id    uuid        not null,
    division_code   varchar(12),
    bureau          varchar(40) not null,
    due_date        date,
    raised_at       timestamptz,
    acknowledged_at timestamptz,
    closed_at       timestamptz,
    escalated_at    timestamptz
);
create index report_assignment_division on report_assignment (division_code text_pattern_ops);
create index report_assignment_household on report_assignment (household_id);

-- Measures (帮扶措施) with the amount where the event carries one.
create table report_measure (
    measure_id    uuid primary key,
    household_id  uuid          not null,
    division_code varchar(12),
    bureau        varchar(40)   not null,
    measure       varchar(60)   not null,
    amount        numeric(14, 2),
    applied_on    date          not null
);
create index report_measure_division on report_measure (division_code text_pattern_ops, applied_on);

-- Civil affairs' status changes: dibao and 特困 granted or stopped (monthly amount), temporary aid paid (sum).
create table report_assistance (
    change_id      uuid primary key,
    household_id   uuid          not null,
    division_code  varchar(12)   not null,
    programme      varchar(20)   not null,
    status         varchar(20)   not null,
    persons        int           not null,
    amount         numeric(14, 2),
    effective_from date          not null
);
create index report_assistance_division on report_assistance (division_code text_pattern_ops, effective_from);

-- Asset income given to households (资产收益分配).
create table report_asset_income (
    distribution_id uuid primary key,
    household_id    uuid           not null,
    division_code   varchar(12)    not null,
    year            int            not null,
    purpose         varchar(40)    not null,
    amount          numeric(14, 2) not null,
    distributed_on  date           not null
);
create index report_asset_income_division on report_asset_income (division_code text_pattern_ops, year);

-- Risk signals (部门信息比对, the one discovery channel the events name) with their parameter version.
create table report_signal (
    signal_id         uuid primary key,
    household_id      uuid        not null,
    division_code     varchar(12),
    source            varchar(40) not null,
    risk_type         varchar(40) not null,
    parameter_version varchar(200),
    observed_at       timestamptz not null
);
create index report_signal_division on report_signal (division_code text_pattern_ops, observed_at);

-- Feed completeness as the bureaus publish it (medical insurance today): per bureau and month, the missing counties.
create table report_feed (
    bureau  varchar(40)  not null,
    month   varchar(7)   not null,
    missing varchar(200) not null,
    primary key (bureau, month)
);

-- A county's report for a year, one row per version. Drafts are replaced by newer versions; a
-- submitted version is frozen with its documents, and the database itself refuses to change it.
create table annual_report_version (
    id           uuid primary key,
    county       varchar(6)  not null,
    year         int         not null,
    version      int         not null,
    problems     text        not null default '',
    next_year    text        not null default '',
    created_at   timestamptz not null,
    created_by   varchar(200) not null,
    submitted_at timestamptz,
    submitted_by varchar(200),
    docx         bytea,
    xlsx         bytea,
    unique (county, year, version)
);
-- one submission per county and year
create unique index annual_report_submitted on annual_report_version (county, year) where submitted_at is not null;

create function annual_report_frozen() returns trigger language plpgsql as $$
begin
    if old.submitted_at is not null then
        raise exception 'annual report % version % of % was submitted and cannot change', old.county, old.version, old.year;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger annual_report_frozen before update or delete on annual_report_version
    for each row execute function annual_report_frozen();

-- The workflow's dates as effective-dated parameters (月日 as MMDD), per county or '*': drafted on
-- 1 December, submitted by 10 December (§3: 每年12月上旬).
insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('report.annual.draft-date', '*', '2021-01-01', 1201, 'MMDD', '抚顺市实施方案（2021）三、保障措施：每年12月上旬报市乡村振兴工作部门；12月1日起草'),
    ('report.annual.deadline', '*', '2021-01-01', 1210, 'MMDD', '抚顺市实施方案（2021）三、保障措施：每年12月上旬报市乡村振兴工作部门');
