-- What each bureau paid per county and month (MonthlyTotals, ADR 0037): the newest count of a bureau,
-- county and month replaces every earlier one, so the header keeps when it was counted.
create table report_monthly_count (
    bureau      varchar(40)  not null,
    county      char(6)      not null,
    month       char(7)      not null,
    computed_at timestamptz  not null,
    primary key (bureau, county, month)
);

create table report_monthly_total (
    bureau      varchar(40)    not null,
    county      char(6)        not null,
    month       char(7)        not null,
    code        varchar(40)    not null,
    label       varchar(60)    not null,
    households  bigint         not null,
    persons     bigint         not null,
    amount      numeric(14, 2) not null,
    primary key (bureau, county, month, code)
);
