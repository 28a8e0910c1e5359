-- Separation of duties (职责分离). An application is submitted by an operator (受理), reviewed by the
-- township (审核: an opinion for or against) and only then decided by the county (审批); the three are
-- different people, each recorded.
alter table assistance_application add column reviewed_by varchar(200);
alter table assistance_application add column reviewed_at timestamptz;
alter table assistance_application add column review_recommends boolean;
alter table assistance_application add column review_opinion varchar(1000);
alter table assistance_application drop constraint assistance_application_status_check;
alter table assistance_application add constraint assistance_application_status_check
    check (status in ('SUBMITTED', 'REVIEWED', 'GRANTED', 'REJECTED'));

-- A temporary-aid payout outside the green channel waits for its review before money leaves the fund
-- (PENDING, then DONE or REFUSED); a green-channel payout is DONE at once and reviewed afterwards.
-- Top-ups and the payouts made before this change are DONE. review_approved: the review's finding
-- (left empty for the reviews recorded before, which kept a note only).
alter table fund_movement add column status varchar(10) not null default 'DONE'
    check (status in ('PENDING', 'DONE', 'REFUSED'));
alter table fund_movement add column review_approved boolean;
create index fund_movement_awaiting_review on fund_movement (township_code, recorded_at)
    where reviewed_at is null and (status = 'PENDING' or green_channel);
