-- Temporary assistance (临时救助): each township's reserve fund (临时救助备用金) with its balance and
-- every movement. The balance can never go below zero (checked by the database as well).
create table reserve_fund (
    township_code varchar(9)     primary key,
    balance       numeric(14, 2) not null check (balance >= 0),
    updated_at    timestamptz    not null default now()
);

create table fund_movement (
    id            uuid primary key,
    township_code varchar(9)     not null references reserve_fund (township_code),
    kind          varchar(10)    not null,
    amount        numeric(14, 2) not null check (amount > 0),
    household_id  uuid,
    case_id       uuid,
    reason        varchar(500)   not null,
    green_channel boolean        not null default false,
    recorded_by   varchar(200)   not null,
    recorded_at   timestamptz    not null default now()
);
create index fund_movement_township on fund_movement (township_code, recorded_at);

insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('temporary-aid.max-payout', '*', date '2021-01-01', 5000.00, 'CNY', '示例值：乡镇备用金单次救助上限（待民政局核定）');
