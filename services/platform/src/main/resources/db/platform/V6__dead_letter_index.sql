-- What this service's dead-letter topics hold, without the payloads, so that the administrators'
-- list pages in SQL instead of reading the topics whole. The index is caught up from the topics
-- (from dead_letter_position on) before each list; a record another consumer group dead-lettered
-- moves the position on and is not indexed.
create table dead_letter (
    dlt_topic      varchar(250) not null,
    dlt_partition  int          not null,
    dlt_offset     bigint       not null,
    original_topic varchar(250) not null,
    type           varchar(100) not null,
    event_key      varchar(250),
    error          varchar(500),
    dead_at        timestamptz  not null,
    primary key (dlt_topic, dlt_partition, dlt_offset)
);
create index dead_letter_type on dead_letter (type, dead_at);

create table dead_letter_position (
    dlt_topic     varchar(250) not null,
    dlt_partition int          not null,
    next_offset   bigint       not null,
    primary key (dlt_topic, dlt_partition)
);
