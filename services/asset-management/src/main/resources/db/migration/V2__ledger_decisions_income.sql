-- The ledger of poverty-alleviation project assets (扶贫项目资产), owned by the village collective unless
-- confirmed otherwise.
create table asset (
    id            uuid primary key,
    division_code varchar(12)    not null,
    name          varchar(200)   not null,
    asset_type    varchar(20)    not null check (asset_type in ('OPERATING', 'PUBLIC_WELFARE', 'HOUSEHOLD')),
    project       varchar(200)   not null,
    value         numeric(14, 2) not null check (value >= 0),
    owner         varchar(200)   not null,
    maintainer    varchar(200)   not null,
    status        varchar(12)    not null check (status in ('IN_USE', 'TRANSFERRED', 'DISPOSED')),
    created_by    varchar(200)   not null,
    created_at    timestamptz    not null default now()
);
create index asset_division on asset (division_code);

-- No transfer, change of ownership or disposal without an approved decision (防止资产流失).
create table asset_change (
    id                 uuid primary key,
    asset_id           uuid          not null references asset (id),
    kind               varchar(20)   not null check (kind in ('TRANSFER', 'OWNERSHIP_CHANGE', 'DISPOSAL')),
    new_owner          varchar(200),
    reason             varchar(1000) not null,
    status             varchar(10)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXECUTED')),
    requested_by       varchar(200)  not null,
    requester_division varchar(12)   not null,
    requested_at       timestamptz   not null default now(),
    decided_by         varchar(200),
    decider_division   varchar(12),
    decision_reason    varchar(1000),
    decided_at         timestamptz,
    executed_at        timestamptz
);
create index asset_change_asset on asset_change (asset_id);
-- one change in flight per asset: a second request waits until the first is decided and carried out
create unique index asset_change_in_flight on asset_change (asset_id) where status in ('PENDING', 'APPROVED');

-- Every action on an asset, refused attempts included: who, from which division, what, when.
create table asset_audit (
    id        bigserial primary key,
    asset_id  uuid          not null,
    action    varchar(40)   not null,
    outcome   varchar(10)   not null check (outcome in ('DONE', 'REFUSED')),
    actor     varchar(200)  not null,
    division  varchar(12),
    detail    varchar(1000) not null,
    at        timestamptz   not null default now()
);
create index asset_audit_asset on asset_audit (asset_id, at);

-- Yearly income of operating assets.
create table asset_income (
    asset_id    uuid           not null references asset (id),
    year        int            not null,
    amount      numeric(14, 2) not null check (amount >= 0),
    recorded_by varchar(200)   not null,
    recorded_at timestamptz    not null default now(),
    primary key (asset_id, year)
);

-- The village's households as monitoring tells them: which are monitored, which out of poverty.
create table village_household (
    household_id  uuid primary key,
    division_code varchar(12) not null,
    category      varchar(40) not null,
    head_name     varchar(100),
    eliminated    boolean     not null default false
);
create index village_household_division on village_household (division_code);

-- The village's yearly distribution of asset income (收益分配方案); confirmed once, then published.
create table distribution_plan (
    id            uuid primary key,
    village       varchar(12)    not null,
    year          int            not null,
    total_income  numeric(14, 2) not null,
    confirmed_by  varchar(200)   not null,
    confirmed_on  date           not null,
    created_at    timestamptz    not null default now(),
    unique (village, year)
);

create table distribution_line (
    plan_id      uuid           not null references distribution_plan (id),
    line_no      int            not null,
    purpose      varchar(30)    not null check (purpose in ('MONITORED_HOUSEHOLD', 'OUT_OF_POVERTY_HOUSEHOLD',
                                                             'MAINTENANCE', 'VILLAGE_PUBLIC_WELFARE')),
    household_id uuid,
    amount       numeric(14, 2) not null check (amount > 0),
    primary key (plan_id, line_no)
);
