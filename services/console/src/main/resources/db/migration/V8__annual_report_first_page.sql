-- A submitted report keeps its first page as drawn at submission, beside its .docx and .xlsx: its
-- preview must not change with later events. Versions submitted before this migration have none and
-- are drawn again when asked for.
alter table annual_report_version add column first_page bytea;

-- Once a county's report for a year is submitted no further version is written, whoever writes it
-- (the application checks first, under a lock per county and year).
create function annual_report_closed() returns trigger language plpgsql as $$
begin
    if exists (select 1 from annual_report_version
               where county = new.county and year = new.year and submitted_at is not null) then
        raise exception 'annual report of % for % was submitted: no new version', new.county, new.year;
    end if;
    return new;
end $$;
create trigger annual_report_closed before insert on annual_report_version
    for each row execute function annual_report_closed();
