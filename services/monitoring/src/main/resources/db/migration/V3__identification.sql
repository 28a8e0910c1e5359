-- The procedure that makes an ordinary household a monitoring object (监测对象认定):
-- village screening -> township review -> county confirmation, each a recorded decision.
create table identification (
    id                     uuid primary key,
    household_id           uuid          not null references household (id),
    division_code          varchar(12)   not null,
    channel                varchar(30)   not null,
    risk_types             varchar(400)  not null,
    description            varchar(2000) not null,
    stage                  varchar(30)   not null,
    green_channel          boolean       not null,
    first_clue_at          timestamptz   not null,
    due_date               date          not null,
    clock_parameter        varchar(200)  not null,
    closed_at              timestamptz
);
-- at most one open procedure per household; later clues join it
create unique index identification_one_open on identification (household_id)
    where stage not in ('CONFIRMED', 'REJECTED');
create index identification_division on identification (division_code, stage);

create table identification_decision (
    id                bigserial primary key,
    identification_id uuid          not null references identification (id),
    step              varchar(30)   not null,
    decision          varchar(10)   not null,
    reason            varchar(1000) not null,
    decided_by        varchar(200)  not null,
    decided_division  varchar(12)   not null,
    decided_at        timestamptz   not null default now()
);

-- Cadre follow-up visits (基层干部定期跟踪回访), with what they found.
create table cadre_visit (
    id           uuid primary key,
    household_id uuid          not null references household (id),
    visited_on   date          not null,
    visited_by   varchar(200)  not null,
    findings     varchar(2000) not null,
    risk_types   varchar(400)  not null,
    recorded_at  timestamptz   not null default now()
);
