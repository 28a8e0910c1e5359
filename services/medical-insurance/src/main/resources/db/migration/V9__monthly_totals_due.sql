-- County-months whose MonthlyTotals must be counted and published again (issue 17): marked by the
-- transaction that changed what they count (a settlement batch, a household registered or changed),
-- counted and published by MonthlyPayments' scheduled run, which deletes the marks it published.
create table monthly_totals_due (
    county     varchar(6)   not null,
    first_day  date         not null,
    primary key (county, first_day)
);
