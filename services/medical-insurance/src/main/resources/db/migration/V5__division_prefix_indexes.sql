-- Jurisdiction is a prefix of the division code (division_code like '2104%'). A plain btree index
-- serves such a prefix only under collation C; under the usual en_US.UTF-8 or zh_CN.UTF-8 every
-- jurisdiction query would read the whole table. text_pattern_ops compares byte by byte, so these
-- indexes serve the prefix under any collation.
create index if not exists insured_household_division_prefix on insured_household (division_code text_pattern_ops);
create index if not exists received_alert_division_prefix on received_alert (division_code text_pattern_ops);
