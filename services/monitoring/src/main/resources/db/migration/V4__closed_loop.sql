-- The closed loop (闭环管理): what each bureau did for its assignment, when it finished, and
-- when an unfinished assignment passed its deadline (escalated once).
alter table assignment add column outcome varchar(1000);
alter table assignment add column closed_at timestamptz;
alter table assignment add column escalated_at timestamptz;
create index assignment_open_due on assignment (due_date) where status <> 'CLOSED';

create table measure (
    id           uuid primary key,
    assignment_id uuid           not null references assignment (id),
    household_id uuid           not null,
    bureau       varchar(40)    not null,
    measure      varchar(100)   not null,
    description  varchar(2000),
    amount       numeric(14, 2),
    applied_on   date           not null,
    recorded_by  varchar(200)   not null,
    recorded_at  timestamptz    not null default now()
);
create index measure_household on measure (household_id);
