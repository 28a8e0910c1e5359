-- Civil affairs' monthly totals (MonthlyTotals, issue 17) count what was paid in a county and month,
-- so each payment keeps where and when it was paid as its own fact.
--
-- A payroll payment keeps the county it was paid in: a grant follows its household when it moves,
-- and a month already paid stays with the county that paid it.
alter table grant_payment add column county varchar(6);
update grant_payment p set county = substring(g.division_code from 1 for 6)
from assistance_grant g where g.id = p.grant_id;
alter table grant_payment alter column county set not null;
create index grant_payment_county_month on grant_payment (county, month);

-- A temporary-aid payout keeps the day it was paid, in China, by the service's clock: the green
-- channel on the day it is recorded, any other payout on the day its review approves it. The
-- payouts paid before this column came are dated from their timestamps: at their review when it
-- approved them, otherwise (the green channel, and payouts paid at once before reviews paid them)
-- when they were recorded.
alter table fund_movement add column paid_on date;
update fund_movement set paid_on = cast(timezone('Asia/Shanghai',
        case when review_approved and not green_channel then reviewed_at else recorded_at end) as date)
where kind = 'PAYOUT' and status = 'DONE';
alter table fund_movement add constraint fund_movement_paid_on_check
    check ((paid_on is not null) = (kind = 'PAYOUT' and status = 'DONE'));
create index fund_movement_paid on fund_movement (township_code text_pattern_ops, paid_on) where paid_on is not null;
