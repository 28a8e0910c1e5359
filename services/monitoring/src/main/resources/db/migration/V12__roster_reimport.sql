-- A roster imported again applies its differences to the registered households; a preview (dry
-- run) lists them first and keeps the file until the uploader confirms. Households are counted by
-- what happened to them; row errors beyond the stored limit are counted, not kept.
alter table import_job add column mode varchar(10) not null default 'APPLY' check (mode in ('APPLY', 'PREVIEW'));
alter table import_job add column households_changed int not null default 0;
alter table import_job add column households_refused int not null default 0;
alter table import_job add column errors_not_stored int not null default 0;
alter table import_job add column spool_path varchar(500);

-- Each change a job made (or, for a preview, would make) to a registered household.
create table import_change (
    job_id       uuid         not null references import_job (id),
    row_number   int          not null,
    household_id uuid         not null,
    kind         varchar(30)  not null,
    summary      varchar(300) not null,
    applied      boolean      not null
);
create index import_change_job on import_change (job_id, row_number);
