-- A measure's words may be as long as MeasureApplied's contract allows (100 characters); V6 kept 60,
-- so a longer measure would have stopped the whole read model's transaction for its poll.
alter table report_measure alter column measure type varchar(100);
