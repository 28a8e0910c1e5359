package fushun.monitoring.identification;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The public notice's rules (公示): what the village board shows of a name, how long the notice
 * runs, and when the township may take its step. Pure.
 */
public final class NoticeRules {

    private NoticeRules() {
    }

    /**
     * A name as the board shows it: the family name and the last character, the rest starred
     * (张三 → 张*, 张小三 → 张*三, 欧阳小三 → 欧**三).
     */
    public static String maskedName(String name) {
        String n = name == null ? "" : name.trim();
        int length = n.codePointCount(0, n.length());
        if (length <= 1) {
            return n.isEmpty() ? "*" : n + "*";
        }
        String first = new String(Character.toChars(n.codePointAt(0)));
        if (length == 2) {
            return first + "*";
        }
        String last = new String(Character.toChars(n.codePointBefore(n.length())));
        return first + "*".repeat(length - 2) + last;
    }

    /** The last day of the notice: posted today for {@code days} days, today counting as the first. */
    public static LocalDate endsOn(LocalDate postedOn, int days) {
        return postedOn.plusDays(Math.max(days, 1) - 1L);
    }

    /**
     * Why the township may not take its step yet, or empty: not before the notice has ended, unless
     * nobody objected and the green channel (disaster, accident: help first) applies.
     */
    public static Optional<String> townshipRefusal(LocalDate today, LocalDate endsOn, int objections, boolean greenChannel) {
        if (today.isAfter(endsOn)) {
            return Optional.empty();
        }
        if (greenChannel && objections == 0) {
            return Optional.empty();
        }
        return Optional.of("村内公示至 " + endsOn + " 结束" + (objections > 0 ? "，且公示期间有 " + objections + " 条异议" : "")
                + "；公示期满后方可进行乡镇审核" + (greenChannel ? "" : "（绿色通道且无异议的除外）") + "。");
    }

    /** Whether an objection received on {@code receivedOn} falls within the notice. */
    public static boolean withinNotice(LocalDate receivedOn, LocalDate postedOn, LocalDate endsOn) {
        return !receivedOn.isBefore(postedOn) && !receivedOn.isAfter(endsOn);
    }
}
