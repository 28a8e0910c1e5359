-- Bulk import of household rosters (.xlsx or .csv): one job per file, with its progress and the
-- rows it refused. The same file (same SHA-256) in the same scope is one job: importing it again
-- changes nothing.
create table import_job (
    id                    uuid primary key,
    file_name             varchar(300) not null,
    sha256                char(64)     not null,
    format                varchar(10)  not null,
    scope                 varchar(12)  not null,
    status                varchar(20)  not null,
    total_rows            int,
    processed_rows        int          not null default 0,
    households_registered int          not null default 0,
    households_unchanged  int          not null default 0,
    rejected_rows         int          not null default 0,
    submitted_by          varchar(200) not null,
    submitted_at          timestamptz  not null default now(),
    finished_at           timestamptz,
    failure               varchar(1000)
);
create unique index import_job_same_file on import_job (sha256, scope) where status <> 'FAILED';

create table import_row_error (
    job_id     uuid         not null references import_job (id),
    row_number int          not null,
    column_name varchar(50) not null,
    reason     varchar(500) not null
);
create index import_row_error_job on import_row_error (job_id, row_number);
