-- The platform's own tables, in every service's database (history: platform_schema_history).

-- Outbox: columns as Debezium's outbox router expects, so CDC could replace the polling relay.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid         not null unique,
    aggregatetype varchar(100) not null,
    aggregateid   varchar(100) not null,
    type          varchar(100) not null,
    topic         varchar(200) not null,
    payload       text         not null,
    created_at    timestamptz  not null default now(),
    sent_at       timestamptz
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

-- Inbox: one row per consumer and event, inserted first in the transaction of the effect.
create table inbox_event (
    consumer    varchar(100) not null,
    event_id    uuid         not null,
    event_type  varchar(100),
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Every full reveal of personal data: who, what, of whom, why, when.
create table pii_reveal_audit (
    id           bigserial primary key,
    actor        varchar(200) not null,
    subject_type varchar(50)  not null,
    subject_id   varchar(100) not null,
    field        varchar(50)  not null,
    reason       varchar(500) not null,
    revealed_at  timestamptz  not null default now()
);

-- Effective-dated policy parameters; scope is a division code or '*'.
create table policy_parameter (
    name           varchar(100)   not null,
    scope          varchar(20)    not null default '*',
    effective_from date           not null,
    value          numeric(18, 4) not null,
    unit           varchar(20),
    source         varchar(500),
    primary key (name, scope, effective_from)
);
