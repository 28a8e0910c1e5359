-- A household moved to another county during the year's re-check: its open task leaves the old
-- county's re-check as MOVED_OUT (counted, never acted on); the new county re-checks it in its own.
alter table recheck_task drop constraint recheck_task_status_check;
alter table recheck_task add constraint recheck_task_status_check
    check (status in ('TO_VISIT', 'VISITED', 'REVIEWED', 'CONFIRMED', 'MOVED_OUT'));
