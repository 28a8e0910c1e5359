-- Four eyes on a renovation's subsidy (ADR 0004): whoever appraised the house (the appraisal whose
-- grade set the renovation's kind and subsidy) or started the work does not accept it (竣工验收, on which
-- the subsidy is paid). Each step's username (the token's preferred_username), as civil affairs records
-- its steps. The appraiser is copied from the appraisal that opened the renovation (appraisals are never
-- changed); renovations started or completed before this migration have no starter or acceptor on record.
alter table renovation add column appraised_by varchar(200);
update renovation r set appraised_by = a.recorded_by from appraisal a where a.id = r.appraisal_id;
alter table renovation alter column appraised_by set not null;
alter table renovation add column started_by varchar(200);
alter table renovation add column completed_by varchar(200);
