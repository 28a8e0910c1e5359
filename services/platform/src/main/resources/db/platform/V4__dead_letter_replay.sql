-- Every replay of a dead letter: which record, by whom, when, and how it ended. Replaying runs the
-- record through the service's own listener and inbox, so a record replayed twice is applied once.
create table dead_letter_replay (
    id          bigserial primary key,
    dlt_topic   varchar(250) not null,
    dlt_partition int        not null,
    dlt_offset  bigint       not null,
    actor       varchar(200) not null,
    outcome     varchar(20)  not null,
    error       varchar(500),
    replayed_at timestamptz  not null default now()
);
create index dead_letter_replay_record on dead_letter_replay (dlt_topic, dlt_partition, dlt_offset);
