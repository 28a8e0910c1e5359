package fushun.monitoring.assistance;

import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.contracts.socialassistance.AssistanceStatusChanged.Programme;
import fushun.contracts.socialassistance.AssistanceStatusChanged.Status;
import java.math.BigDecimal;
import java.time.LocalDate;

/** How a status change reads on the household's timeline, in Chinese. Pure. */
public final class AssistanceStatusText {

    private AssistanceStatusText() {
    }

    public static String label(Programme programme) {
        return switch (programme) {
            case DIBAO -> "低保";
            case TEKUN -> "特困供养";
            case TEMPORARY_AID -> "临时救助";
        };
    }

    public static String summary(Programme programme, Status status, int persons, BigDecimal amount, LocalDate effectiveFrom) {
        String money = amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 元";
        return "民政：" + label(programme) + switch (status) {
            case GRANTED -> " 批准，" + persons + " 人，自 " + effectiveFrom + " 起"
                    + (money.isEmpty() ? "" : "，每月 " + money);
            case STOPPED -> " 停止，自 " + effectiveFrom + " 起停发（" + persons + " 人）";
            case PAID -> " 发放" + (money.isEmpty() ? "" : " " + money) + "（" + effectiveFrom + "）";
        };
    }

    public static String summary(AssistanceStatusChanged change) {
        return summary(change.programme(), change.status(), change.persons().size(), change.amount(), change.effectiveFrom());
    }
}
