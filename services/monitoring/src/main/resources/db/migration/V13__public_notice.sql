-- Public notice inside the identification and elimination procedures (公示): after the village
-- step a notice for the village board (name masked, household size, category, the proposal in fixed
-- words; never an ID number, phone, bank account or the risk, which may be health data), posted for
-- monitoring.public-notice-days; objections received during it are recorded. The township step
-- waits for the notice to end, unless nobody objected and the green channel applies.
create table public_notice (
    id                uuid primary key,
    identification_id uuid         not null unique references identification (id),
    household_id      uuid         not null references household (id),
    division_code     varchar(12)  not null,
    purpose           varchar(20)  not null,
    masked_name       varchar(100) not null,
    household_size    int          not null,
    category          varchar(40)  not null,
    proposal          varchar(200) not null,
    posted_on         date         not null,
    ends_on           date         not null,
    days_parameter    varchar(200) not null,
    posted_by         varchar(200) not null
);
create index public_notice_division on public_notice (division_code varchar_pattern_ops, ends_on);

create table notice_objection (
    id          uuid primary key,
    notice_id   uuid          not null references public_notice (id),
    received_on date          not null,
    summary     varchar(1000) not null,
    recorded_by varchar(200)  not null,
    recorded_at timestamptz   not null
);
create index notice_objection_notice on notice_objection (notice_id);
