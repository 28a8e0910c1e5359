-- The W3C trace context of the span that wrote the event (an HTTP request, a consumed record), sent
-- as the record's traceparent header so the consumer continues the same trace. It used to travel
-- inside the envelope, written by hand.
alter table outbox_event add column traceparent varchar(55);
