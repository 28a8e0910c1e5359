-- Feed completeness for every bureau (fushun.platform.feed, ADR 0036): which counties each bureau's
-- monthly data is expected from (effective-dated data: a bureau's own rows replace those of '*'),
-- what arrived per bureau, county and month (on time or late against the month's deadline), and one
-- check per bureau and month, the row that makes its FeedDeadlineMissed leave once.
create table feed_expected_county (
    bureau         varchar(40) not null, -- a fushun.contracts.Bureau name, or '*' for every bureau
    county_code    varchar(6)  not null,
    county_name    varchar(40) not null,
    effective_from date        not null,
    effective_to   date,                 -- exclusive; null while expected
    primary key (bureau, county_code, effective_from)
);
insert into feed_expected_county (bureau, county_code, county_name, effective_from) values
    ('*', '210402', '新抚区', date '2021-01-01'), ('*', '210403', '东洲区', date '2021-01-01'),
    ('*', '210404', '望花区', date '2021-01-01'), ('*', '210411', '顺城区', date '2021-01-01'),
    ('*', '210421', '抚顺县', date '2021-01-01'), ('*', '210422', '新宾满族自治县', date '2021-01-01'),
    ('*', '210423', '清原满族自治县', date '2021-01-01');

create table feed_arrival (
    bureau            varchar(40) not null,
    month             date        not null, -- the first day of the month the data belongs to
    county_code       varchar(6)  not null,
    on_time           bigint      not null,
    late              bigint      not null,
    first_received_at timestamptz not null,
    last_received_at  timestamptz not null,
    primary key (bureau, month, county_code)
);

create table feed_deadline_check (
    bureau           varchar(40)  not null,
    month            date         not null,
    deadline         date         not null,
    late_counties    varchar(200) not null,
    missing_counties varchar(200) not null,
    missed           boolean      not null,
    checked_at       timestamptz  not null,
    primary key (bureau, month)
);

-- the day of the next month by which a month's data is due; a bureau's own value (scope its name) wins
insert into policy_parameter (name, scope, effective_from, value, unit, source) values
    ('feed.deadline-day', '*', date '2021-01-01', 5, 'day of month', '各部门月度数据报送截止日（次月5日）');
