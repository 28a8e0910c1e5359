-- Jurisdiction is a prefix of the division code (division_code like '2104%'). A plain btree index
-- serves such a prefix only under collation C; under the usual en_US.UTF-8 or zh_CN.UTF-8 every
-- jurisdiction query would read the whole table. text_pattern_ops compares byte by byte, so these
-- indexes serve the prefix under any collation.
create index if not exists household_division_prefix on household (division_code text_pattern_ops);
create index if not exists identification_division_prefix on identification (division_code text_pattern_ops);
create index if not exists public_notice_division_prefix on public_notice (division_code text_pattern_ops);
create index if not exists recheck_task_division_prefix on recheck_task (division_code text_pattern_ops);
create index if not exists risk_alert_division_prefix on risk_alert (division_code text_pattern_ops);
create index if not exists screening_result_division_prefix on screening_result (division_code text_pattern_ops);
