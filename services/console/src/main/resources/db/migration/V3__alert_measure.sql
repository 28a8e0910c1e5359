-- The first measure for an alert, kept even when the measure arrives before its alert: the two come
-- on different topics, in any order. An alert that arrives later takes its first measure from here.
create table alert_measure (
    alert_id         uuid primary key,
    first_measure_at timestamptz not null
);
insert into alert_measure (alert_id, first_measure_at)
select alert_id, first_measure_at from alert_view where first_measure_at is not null;
