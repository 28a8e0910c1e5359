package fushun.monitoring.household.web;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged.Kind;
import fushun.contracts.monitoring.HouseholdChanged.Reason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Body of {@code POST /api/monitoring/households/{id}/changes}: one change, effective on a day. The
 * fields a kind needs: MEMBER_ADDED {@code newMember}; MEMBER_LEFT {@code memberId}; LABOUR_CAPACITY
 * {@code memberId, labourCapacity}; RELATIONSHIP {@code memberId, relationship}; HEAD_OF_HOUSEHOLD
 * {@code memberId, formerHeadRelationship}; DIVISION {@code divisionCode}; POLICY_FLAG
 * {@code notEntitledToPolicy}; CATEGORY {@code category} (脱贫户 ⇄ 一般农户 corrections only).
 */
public record HouseholdChangeRequest(
        @NotNull(message = "必须选择变动类型") Kind kind,
        @NotNull(message = "必须选择变动原因") Reason reason,
        @NotNull(message = "必须填写生效日期") LocalDate effectiveOn,
        UUID memberId,
        @Valid RegisterHouseholdRequest.MemberRequest newMember,
        @Pattern(regexp = "FULL|PARTIAL|NONE", message = "劳动能力应为 FULL、PARTIAL 或 NONE") String labourCapacity,
        @Size(max = 20, message = "与户主关系不超过20字") String relationship,
        @Size(max = 20, message = "与户主关系不超过20字") String formerHeadRelationship,
        @Pattern(regexp = "\\d{12}", message = "行政区划代码应为12位数字") String divisionCode,
        Boolean notEntitledToPolicy,
        HouseholdCategory category,
        /** The cadre's own words; kept in monitoring, never published. */
        @Size(max = 500, message = "说明不超过500字") String note) {
}
