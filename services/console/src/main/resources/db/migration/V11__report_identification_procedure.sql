-- The December report's discovery channels, procedure timeliness and 脱贫户纳入监测 (ADR 0037): what
-- HouseholdMonitored now carries of the identification procedure, kept on the identification's row.
-- Null for identifications published before the event carried them (the report counts them as 未携带).
alter table report_monitoring add column channel             varchar(30);
alter table report_monitoring add column previous_category   varchar(40);
alter table report_monitoring add column first_clue_at       timestamptz;
alter table report_monitoring add column due_date            date;
alter table report_monitoring add column village_decided_at  timestamptz;
alter table report_monitoring add column township_decided_at timestamptz;
