-- A signal's outcome quotes the clue; give it the room an explanation has.
alter table risk_signal alter column outcome type varchar(2000);

-- Who took an elimination back, when and why (the alerts keep their eliminated_by).
create table elimination_rollback (
    id                bigserial primary key,
    household_id      uuid          not null references household (id),
    identification_id uuid          not null,
    reason            varchar(1000) not null,
    rolled_back_by    varchar(200)  not null,
    rolled_back_at    timestamptz   not null
);
