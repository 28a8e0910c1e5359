-- Each person's settlements of a year, summed as they are stored (issue 16): a batch reads its
-- persons' years in one query and updates each once, instead of summing the person's year for
-- every row. after_basic, critical_paid and assistance_paid are what the three tiers start from
-- (ThreeTiers.YearToDate); self_pay is what the household's signal adds up. last_settled_on and
-- last_settlement_id are the latest settlement counted (by date, then id): a settlement dated
-- after it starts from these sums, an earlier-dated one that comes late is settled from the
-- stored settlements dated before it, as before.
create table person_settlement_year (
    person_ref         char(64)       not null,
    year               int            not null,
    settlements        bigint         not null,
    after_basic        numeric(16, 2) not null,
    critical_paid      numeric(16, 2) not null,
    assistance_paid    numeric(16, 2) not null,
    self_pay           numeric(16, 2) not null,
    last_settled_on    date           not null,
    last_settlement_id varchar(64)    not null,
    primary key (person_ref, year)
);

-- the settlements stored so far, so nothing changes for them
insert into person_settlement_year (person_ref, year, settlements, after_basic, critical_paid, assistance_paid,
                                    self_pay, last_settled_on, last_settlement_id)
select person_ref, extract(year from settled_on)::int, count(*),
       sum(greatest(coalesce(policy_range_cost, basic_insurance_paid) - basic_insurance_paid, 0)),
       sum(critical_illness_paid), sum(medical_assistance_paid), sum(self_pay),
       (array_agg(settled_on order by settled_on desc, settlement_id desc))[1],
       (array_agg(settlement_id order by settled_on desc, settlement_id desc))[1]
from settlement
group by person_ref, extract(year from settled_on)::int;
