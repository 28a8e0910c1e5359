-- A household's share of its village's asset income (资产收益分配), from asset management: a measure
-- on the household, not tied to an assignment.
create table asset_income_share (
    distribution_id uuid primary key,
    household_id    uuid           not null,
    plan_id         uuid           not null,
    year            int            not null,
    purpose         varchar(30)    not null,
    amount          numeric(14, 2) not null,
    distributed_on  date           not null,
    recorded_at     timestamptz    not null default now()
);
create index asset_income_share_household on asset_income_share (household_id);
