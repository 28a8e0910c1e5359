-- The monitoring line (防止返贫监测线): per-capita annual net income, 6,600 yuan in 2021, +10 % a
-- year (DOMAIN.md gives 2021-2025 to the cent; 2026 follows the same rule). Effective-dated data.
insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('monitoring.line', '*', date '2021-01-01', 6600.00, 'CNY/person/year', '2021年监测线（DOMAIN.md）'),
    ('monitoring.line', '*', date '2022-01-01', 7260.00, 'CNY/person/year', '按年增长10%（DOMAIN.md）'),
    ('monitoring.line', '*', date '2023-01-01', 7986.00, 'CNY/person/year', '按年增长10%（DOMAIN.md）'),
    ('monitoring.line', '*', date '2024-01-01', 8784.60, 'CNY/person/year', '按年增长10%（DOMAIN.md）'),
    ('monitoring.line', '*', date '2025-01-01', 9663.06, 'CNY/person/year', '按年增长10%（DOMAIN.md）'),
    ('monitoring.line', '*', date '2026-01-01', 10629.37, 'CNY/person/year', '按年增长10%推算'),
    ('monitoring.line.annual-growth', '*', date '2021-01-01', 0.10, 'ratio', '监测线年增幅（DOMAIN.md）'),
    -- within this share above the line, a rigid-expenditure or income-drop signal makes a risk
    ('monitoring.margin-ratio', '*', date '2021-01-01', 0.50, 'ratio', '监测线以上浮动范围（常见做法：1.5倍监测线）'),
    ('monitoring.clue-to-decision-days', '*', date '2021-01-01', 15, 'days', '线索到县级认定的时限（常见做法）'),
    ('monitoring.public-notice-days', '*', date '2021-01-01', 5, 'days', '村内公示天数（常见做法）'),
    ('monitoring.elimination.min-months-monitored', '*', date '2021-01-01', 6, 'months', '风险消除：纳入监测满6个月'),
    ('monitoring.elimination.min-months-above-line', '*', date '2021-01-01', 6, 'months', '风险消除：收入稳定超过监测线满6个月');

-- Income per household, year and component (家庭收入), from which per-capita net income follows.
create table income_record (
    household_id uuid           not null references household (id),
    year         int            not null,
    component    varchar(30)    not null,
    amount       numeric(14, 2) not null,
    recorded_by  varchar(200)   not null,
    recorded_at  timestamptz    not null default now(),
    primary key (household_id, year, component)
);
