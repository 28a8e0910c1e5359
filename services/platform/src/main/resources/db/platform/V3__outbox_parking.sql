-- An outbox row the broker refuses (too large, say) no longer stops its service's publishing: its
-- failed attempts are counted with the last error, and after a number of them it is parked, with
-- the later rows of its key waiting behind it, until an administrator retries or discards it.
alter table outbox_event
    add column attempts        int          not null default 0,
    add column last_error      varchar(500),
    add column last_attempt_at timestamptz,
    add column parked_at       timestamptz,
    add column discarded_at    timestamptz;

-- the rows that hold their key back: few, so the relay's "nothing earlier of this key is stuck"
-- check reads a small index
create index outbox_event_blocking on outbox_event (topic, aggregateid, id)
    where sent_at is null and (parked_at is not null or attempts > 0);

-- what administrators did with parked rows
create table outbox_admin_audit (
    id        bigserial primary key,
    outbox_id bigint       not null,
    action    varchar(20)  not null,
    actor     varchar(200) not null,
    acted_at  timestamptz  not null default now()
);
