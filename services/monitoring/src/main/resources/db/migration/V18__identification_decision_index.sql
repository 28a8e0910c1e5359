-- an identification's decisions are read with it (its page, one lookup for a page's decisions):
-- without this every lookup scanned all decisions
create index identification_decision_identification on identification_decision (identification_id, decided_at);
