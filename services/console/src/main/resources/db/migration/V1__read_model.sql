-- The console's own read model, built from the platform's events, for the views that span bureaus:
-- the dashboards' counts and funnel, and the household timeline.

-- Every registered household: where, which category, when monitored, when its risk was eliminated.
create table household_view (
    household_id  uuid primary key,
    division_code varchar(12) not null,
    category      varchar(40) not null,
    registered_at timestamptz,
    monitored_at  timestamptz,
    eliminated_at timestamptz
);
create index household_view_division on household_view (division_code);

-- Every alert, and when a bureau first applied a measure for it.
create table alert_view (
    alert_id         uuid primary key,
    household_id     uuid         not null,
    division_code    varchar(12)  not null,
    risk_types       varchar(400) not null,
    raised_at        timestamptz  not null,
    first_measure_at timestamptz
);
create index alert_view_division on alert_view (division_code, raised_at);
create index alert_view_household on alert_view (household_id);

-- The household timeline: one line per event about the household, in words.
create table household_event (
    event_id      uuid primary key,
    household_id  uuid          not null,
    division_code varchar(12),
    type          varchar(60)   not null,
    source        varchar(60)   not null,
    occurred_at   timestamptz   not null,
    summary       varchar(2000) not null
);
create index household_event_household on household_event (household_id, occurred_at);

-- Feed completeness as the bureaus publish it, per bureau and month.
create table feed_month (
    bureau           varchar(40) not null,
    month            varchar(7)  not null,
    deadline         date        not null,
    expected         varchar(200) not null,
    missing          varchar(200) not null,
    checked_at       timestamptz not null,
    primary key (bureau, month)
);
