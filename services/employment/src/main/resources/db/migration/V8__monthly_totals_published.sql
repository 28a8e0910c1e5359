-- The figures of each county's month as last published in MonthlyTotals (the December report's
-- monthly figures, ADR 0037): a change that leaves them as they stand publishes nothing again. The
-- figures are fixed words and numbers only (codes, households, persons, amounts), never a person.
create table monthly_totals_published (
    county       varchar(6)    not null,
    month        date          not null check (extract(day from month) = 1),
    figures      varchar(2000) not null,
    published_at timestamptz   not null,
    primary key (county, month)
);

-- A county's month of post subsidies is counted on every attendance: from the month's attendance,
-- not from every month a county's holders were ever paid.
create index if not exists attendance_month on attendance (month);
