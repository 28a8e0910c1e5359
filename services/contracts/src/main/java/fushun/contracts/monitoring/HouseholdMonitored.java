package fushun.contracts.monitoring;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The county confirmed the household as a monitoring object (县级确定监测对象): its category from
 * now on and the risks it is monitored for, and how the procedure went: the channel of its first
 * clue, the category the household had before, the first clue, the procedure's deadline and the
 * village's and township's decisions. Those later fields are additive to version 1: events written
 * before them read as null, and so does a step the procedure did not record.
 */
public record HouseholdMonitored(
        UUID householdId,
        String divisionCode,
        HouseholdCategory category,
        List<RiskType> riskTypes,
        UUID identificationId,
        Instant confirmedAt,
        /* how the first clue came (发现渠道); null in events before the field */
        DiscoveryChannel channel,
        /* the household's category before the county's confirmation: 脱贫户 (返贫风险) or 一般农户 (致贫风险) */
        HouseholdCategory previousCategory,
        Instant firstClueAt,
        /* the procedure's deadline: the first clue's day plus monitoring.clue-to-decision-days */
        LocalDate dueDate,
        /* the village's approval (村摸排); null when the procedure recorded none */
        Instant villageDecidedAt,
        /* the township's approval (乡审核); null when the procedure recorded none */
        Instant townshipDecidedAt) {

    /** The three discovery channels (§2(1)2); department screening is a channel of its own. */
    public enum DiscoveryChannel {
        /** 农户主动申请 */
        SELF_APPLICATION,
        /** 部门信息比对 */
        DEPARTMENT_COMPARISON,
        /** 基层干部跟踪回访 */
        CADRE_VISIT
    }

    /** The version-1 shape without the procedure's fields (events written before them, and tests). */
    public HouseholdMonitored(UUID householdId, String divisionCode, HouseholdCategory category, List<RiskType> riskTypes,
                              UUID identificationId, Instant confirmedAt) {
        this(householdId, divisionCode, category, riskTypes, identificationId, confirmedAt, null, null, null, null, null,
                null);
    }
}
