-- Risk elimination (风险消除) goes through the same village -> township -> county procedure.
alter table identification add column purpose varchar(20) not null default 'MONITORING';
drop index identification_one_open;
create unique index identification_one_open on identification (household_id, purpose)
    where stage not in ('CONFIRMED', 'REJECTED');

-- An eliminated alert keeps its record; a rollback opens it again.
alter table risk_alert add column eliminated_by uuid;
alter table risk_alert add column closed_at timestamptz;
alter table household add column risk_eliminated_at timestamptz;
