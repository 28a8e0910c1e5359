package fushun.monitoring.recheck;

import fushun.platform.PlatformTime;
import fushun.platform.web.RuleViolationException;
import java.time.LocalDate;

/** The county's re-check for that year is open already: answered 422 with the existing one. */
public class RecheckAlreadyOpen extends RuleViolationException {

    private final transient RecheckView existing;

    RecheckAlreadyOpen(RecheckView existing) {
        super("本年度动态调整已开启", existing.year() + " 年度动态调整已于 "
                + LocalDate.ofInstant(existing.openedAt(), PlatformTime.CHINA) + " 开启，不能重复开启。");
        this.existing = existing;
    }

    public RecheckView existing() {
        return existing;
    }
}
