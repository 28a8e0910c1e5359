-- Every bureau's feed that missed its deadline (FeedDeadlineMissed on <service>.feed.v1, ADR 0036),
-- once per bureau and month as the owning service published it; the dashboard's bureau × month grid
-- reads it with feed_month (medical insurance's FeedCompletenessChecked).
create table feed_deadline_missed (
    bureau     varchar(40)  not null,
    month      varchar(7)   not null,
    deadline   date         not null,
    expected   varchar(200) not null,
    late       varchar(200) not null,
    missing    varchar(200) not null,
    source     varchar(60)  not null,
    checked_at timestamptz  not null,
    primary key (bureau, month)
);
