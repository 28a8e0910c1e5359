-- Every risk alert a bureau's service received from monitoring (fushun.platform.alert), once per
-- alert. named: the service's bureau has an assignment in it (assignment_id, due_date), and the
-- service acknowledged it (status ACKNOWLEDGED); else status NOTED. Until now each service kept its
-- own received_alert in public; their migrations move the rows here and drop it.
create table received_alert (
    alert_id      uuid primary key,
    household_id  uuid          not null,
    division_code varchar(12)   not null,
    risk_types    varchar(400)  not null,
    explanation   varchar(2000) not null,
    named         boolean       not null,
    assignment_id uuid,
    due_date      date,
    status        varchar(20)   not null,
    received_at   timestamptz   not null default now()
);
-- Jurisdiction is a prefix of the division code (division_code like '2104%'): text_pattern_ops
-- serves it under any collation, a plain btree only under C.
create index received_alert_division_prefix on received_alert (division_code text_pattern_ops);
-- a household's alerts: they move with it, and a bureau looks up those that named it
create index received_alert_household on received_alert (household_id);
