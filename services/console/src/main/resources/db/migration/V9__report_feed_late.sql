-- The report's feed table from every bureau's missed deadlines (FeedDeadlineMissed) as well as
-- medical insurance's monthly checks: the late counties, and whether the row came from a missed
-- deadline (which a later monthly check of the same bureau and month does not overwrite).
alter table report_feed add column late varchar(200) not null default '';
alter table report_feed add column deadline_missed boolean not null default false;
