package fushun.socialassistance;

/**
 * Who may do what in civil affairs, for {@code @PreAuthorize}. The operator (民政经办人) works cases,
 * submits applications and records payouts; the township reviewer (乡镇民政审核员) reviews
 * applications, benefits and payouts; the county approver (县民政局审批人) decides applications. All
 * three read the queues they act on. Roles say who may take a step at all; that one person never
 * takes two steps on the same matter is {@link fushun.platform.security.SeparationOfDuties}'s rule.
 */
public final class CivilAffairsRoles {

    public static final String OPERATOR = "hasRole('civil-affairs-operator')";
    public static final String REVIEWER = "hasRole('civil-affairs-reviewer')";
    public static final String APPROVER = "hasRole('civil-affairs-approver')";
    public static final String READERS =
            "hasAnyRole('civil-affairs-operator', 'civil-affairs-reviewer', 'civil-affairs-approver')";

    /** The 403 every decision documents: a missing role, or separation of duties. */
    public static final String FORBIDDEN = "角色不允许此操作，或违反职责分离：受理（记录）、审核、审批须由不同的人完成，"
            + "做过前一步的人不能做后一步（problem 的 detail 说明原因）";

    /** The 403 of a first step (submitting an application, recording a payout): the role; the steps after it are someone else's. */
    public static final String FORBIDDEN_FIRST_STEP = "角色不允许此操作：只有民政经办人可以受理或记录；"
            + "之后的审核、审批须由其他人完成（职责分离）";

    /** Where the documented 403s point: the platform's problem schema and media type. */
    public static final String PROBLEM = "#/components/schemas/Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    private CivilAffairsRoles() {
    }
}
