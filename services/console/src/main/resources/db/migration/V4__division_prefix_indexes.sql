-- Jurisdiction is a prefix of the division code (division_code like '2104%'). A plain btree index
-- serves such a prefix only under collation C; under the usual en_US.UTF-8 or zh_CN.UTF-8 every
-- jurisdiction query would read the whole table. text_pattern_ops compares byte by byte, so these
-- indexes serve the prefix under any collation.
create index if not exists alert_view_division_prefix on alert_view (division_code text_pattern_ops);
create index if not exists household_event_division_prefix on household_event (division_code text_pattern_ops);
create index if not exists household_view_division_prefix on household_view (division_code text_pattern_ops);
