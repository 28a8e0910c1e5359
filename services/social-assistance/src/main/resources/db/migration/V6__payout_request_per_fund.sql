-- A payout's request id protects one township fund: the same id in another township is another
-- payout (it used to be refused silently), and the same id with a different payout is a conflict.
alter table fund_movement drop constraint fund_movement_request_id_key;
create unique index fund_movement_request on fund_movement (township_code, request_id) where request_id is not null;
