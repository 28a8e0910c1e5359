-- Severely disabled people (重度残疾人, 残联's register through monitoring's DisabilityRegistered, issue 18,
-- ADR 0040): a person is on the pension-premium roster (代缴, lowest tier) from the year of the register's
-- date. Keyed by person: the event may name someone this service has not seen yet, and the earliest date a
-- register showed them severe is kept, so a replay or an older register changes nothing.
create table severe_disability (
    person_id    uuid        primary key,
    household_id uuid        not null,
    person_ref   char(64)    not null,
    severe_from  date        not null,
    recorded_at  timestamptz not null default now()
);
