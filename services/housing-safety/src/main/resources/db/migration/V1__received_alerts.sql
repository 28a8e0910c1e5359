-- Every risk alert this bureau received; named = it has an assignment in it.
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
create index received_alert_division on received_alert (division_code, received_at);
