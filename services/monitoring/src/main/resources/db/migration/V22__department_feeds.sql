-- Department data feeds (部门筛查预警) of the bureaus without a service of their own (issue 18, ADR 0040):
-- what each kind of file looks like and which rows raise which risk, as effective-dated data read by one
-- importer. A new kind is an insert; a changed kind is a new row for the same code from a later day with
-- the old row's effective_to set to the day before (the newest effective_from wins on overlap).
--
-- The condition is a closed vocabulary the code interprets (DepartmentFeedRule):
--   condition = 'VALUE_IN': the row raises the risk when the trimmed value of value_column is one of
--     condition_values; every value must be one of allowed_values, anything else is a row error;
--   age_from / age_to (optional, inclusive, full years): the row raises the risk only when the person of
--     the row's ID number (born on the date its digits 7-14 give) is that old on the date the file describes.
create table department_feed_kind (
    code             varchar(60)   not null check (code ~ '^[A-Z][A-Z0-9_]*$'),
    -- the bureaus that answer through monitoring's API (BureauRoles): their officers upload
    bureau           varchar(40)   not null check (bureau in ('EDUCATION', 'HEALTH', 'WATER', 'AGRICULTURE',
                                                              'DISABLED_PERSONS_FEDERATION')),
    label            varchar(100)  not null,
    risk_type        varchar(40)   not null,
    id_column        varchar(50)   not null,
    value_column     varchar(50)   not null,
    allowed_values   varchar(50)[] not null,
    condition        varchar(20)   not null check (condition in ('VALUE_IN')),
    condition_values varchar(50)[] not null,
    age_from         int check (age_from >= 0),
    age_to           int check (age_to >= 0),
    -- the signal's fixed words (never a row's content)
    finding          varchar(200)  not null,
    source_note      varchar(300)  not null,
    effective_from   date          not null,
    effective_to     date,
    primary key (code, effective_from),
    check (effective_to is null or effective_to >= effective_from),
    check (cardinality(condition_values) > 0 and condition_values <@ allowed_values),
    check (age_from is null or age_to is null or age_from <= age_to),
    check (id_column <> value_column)
);

insert into department_feed_kind (code, bureau, label, risk_type, id_column, value_column, allowed_values, condition,
                                  condition_values, age_from, age_to, finding, source_note, effective_from) values
    ('EDUCATION_PUPIL_ROSTER', 'EDUCATION', '学生花名册（控辍保学）', 'SCHOOL_DROPOUT', '身份证号', '在校状态',
        '{在校,未在校}', 'VALUE_IN', '{未在校}', 6, 15, '义务教育阶段适龄儿童未在校（控辍保学）',
        '义务教育阶段控辍保学，适龄为6–15周岁（DOMAIN.md 教育局；年龄范围为常见做法）', date '2021-01-01'),
    ('WATER_CENSUS', 'WATER', '农村饮水安全普查', 'DRINKING_WATER', '户主身份证号', '饮水安全',
        '{安全,不安全}', 'VALUE_IN', '{不安全}', null, null, '农户饮水不安全',
        '农村饮水安全（DOMAIN.md 水务局）', date '2021-01-01');

-- One import per file, kind and uploader's division: the same file again is the same import.
create table department_feed_import (
    id                  uuid primary key,
    kind                varchar(60)  not null,
    kind_version        date         not null,
    bureau              varchar(40)  not null,
    file_name           varchar(300) not null,
    sha256              char(64)     not null,
    format              varchar(10)  not null,
    scope               varchar(12)  not null,
    as_of               date         not null,
    status              varchar(20)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total_rows          int          not null default 0,
    processed_rows      int          not null default 0,
    -- rows that met the condition for a registered household in the uploader's division
    findings            int          not null default 0,
    -- households signalled for the first time for this kind and date, and what their signals led to
    signals             int          not null default 0,
    alerts_raised       int          not null default 0,
    identifications     int          not null default 0,
    already_monitored   int          not null default 0,
    excluded            int          not null default 0,
    rejected_rows       int          not null default 0,
    errors_not_stored   int          not null default 0,
    submitted_by        varchar(200) not null,
    submitted_at        timestamptz  not null default now(),
    finished_at         timestamptz,
    failure             varchar(500)
);
create unique index department_feed_import_same_file on department_feed_import (kind, scope, sha256)
    where status <> 'FAILED';

-- A household signalled once per kind and date the data describes: the same finding again (another file of
-- the same day, a row repeated) signals nothing more.
create table department_feed_signal (
    kind         varchar(60) not null,
    as_of        date        not null,
    household_id uuid        not null,
    import_id    uuid        not null references department_feed_import (id),
    signal_id    uuid        not null,
    primary key (kind, as_of, household_id)
);

create table department_feed_row_error (
    import_id   uuid         not null references department_feed_import (id),
    row_number  int          not null,
    column_name varchar(50)  not null,
    reason      varchar(500) not null
);
create index department_feed_row_error_import on department_feed_row_error (import_id, row_number);
