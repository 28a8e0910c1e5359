-- An assignment keeps its household's division itself, as the alert does: the bureaus' lists and the
-- league table are scoped by it without reading the risk feature's alerts. A move updates both.
alter table assignment add column division_code varchar(12);
update assignment a set division_code = r.division_code from risk_alert r where r.id = a.alert_id;
alter table assignment alter column division_code set not null;
create index assignment_division_prefix on assignment (division_code text_pattern_ops);
