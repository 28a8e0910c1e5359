package fushun.employment.posts;

import fushun.platform.security.DivisionCodes;
import fushun.platform.web.RuleViolationException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Who may be hired onto a welfare post, and for which months attendance is paid: pure checks over
 * what {@link PostHires} and {@link MonthlySubsidies} read under their locks, each refusing with the
 * reason the operator sees.
 */
final class HireRules {

    private HireRules() {
    }

    /** Only a member still in the household, able to work, living in the post's county. */
    static void requireEligible(String memberStatus, String labourCapacity, String personDivision, String postDivision) {
        if ("LEFT".equals(memberStatus)) {
            throw new RuleViolationException("已离户", "该人员已不在本户（死亡、婚出或迁出），不能聘用。");
        }
        if ("NONE".equals(labourCapacity)) {
            throw new RuleViolationException("无劳动能力", "该人员无劳动能力，不能聘用到公益性岗位。");
        }
        if (!personDivision.startsWith(DivisionCodes.countyOf(postDivision))) {
            throw new RuleViolationException("不在本县区", "公益性岗位只聘用本县区的人员。");
        }
    }

    /** Never more holders than seats. */
    static void requireFreeSeat(int seats, long holders) {
        if (holders >= seats) {
            throw new RuleViolationException("岗位已满", "该岗位 " + seats + " 个名额已全部聘满。");
        }
    }

    /** One post at a time, hired only after the last exit (so no month is paid twice). */
    static void requireTurn(LocalDate hiredOn, LocalDate lastExit, long postsHeld) {
        if (lastExit != null && !hiredOn.isAfter(lastExit)) {
            throw new RuleViolationException("日期有误", "聘用日期须晚于该人员上次退岗日期（" + lastExit + "）。");
        }
        if (postsHeld > 0) {
            throw new RuleViolationException("已在岗", "该人员已在其他公益性岗位上，须先退岗。");
        }
    }

    /** Attendance is paid for a month that has come and that the holder was on the post. */
    static void requirePayableMonth(YearMonth month, LocalDate today, LocalDate hiredOn, LocalDate exitedOn) {
        if (month.isAfter(YearMonth.from(today))) {
            throw new RuleViolationException("月份未到", month + " 尚未到来。");
        }
        if (month.isBefore(YearMonth.from(hiredOn)) || exitedOn != null && month.isAfter(YearMonth.from(exitedOn))) {
            throw new RuleViolationException("不在岗", month + " 该人员不在岗，不发补贴。");
        }
    }
}
