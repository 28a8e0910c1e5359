package fushun.monitoring.household;

import fushun.contracts.monitoring.HouseholdChanged.Kind;
import fushun.contracts.monitoring.HouseholdChanged.Reason;
import fushun.monitoring.household.HouseholdState.MemberState;
import fushun.platform.pii.ResidentIdNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a recorded change does to a household: the fields it changes (old and new value), or why it
 * is refused. Pure: the registry applies the fields, the table test reads the rules.
 */
public final class ChangeRules {

    /** The earliest effective date: the registry of poor households (建档立卡) began in 2014. */
    public static final LocalDate EARLIEST = LocalDate.of(2014, 1, 1);
    public static final int MAX_MEMBERS = 20;
    /** Fushun's districts and counties (DOMAIN.md): a move elsewhere would hide the household from everyone below the city. */
    static final Set<String> FUSHUN_COUNTIES = Set.of("210402", "210403", "210404", "210411", "210421", "210422", "210423");
    private static final Set<String> CAPACITIES = Set.of("FULL", "PARTIAL", "NONE");

    /** The fields a revision records, each with its value before and after. */
    public enum Field { DIVISION, CATEGORY, POLICY_FLAG, HEAD_NAME, PRESENCE, STATUS, RELATIONSHIP, LABOUR_CAPACITY }

    public record FieldChange(UUID memberId, Field field, String oldValue, String newValue) {
    }

    /** Either the fields to change with a summary in fixed words, or a refusal (title, reason). */
    public record Decision(List<FieldChange> fields, String summary, String refusalTitle, String refusal) {

        static Decision refuse(String title, String reason) {
            return new Decision(List.of(), null, title, reason);
        }

        static Decision change(String summary, FieldChange... fields) {
            return new Decision(List.of(fields), summary, null, null);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    private static final Map<Kind, Set<Reason>> REASONS = Map.of(
            Kind.MEMBER_ADDED, EnumSet.of(Reason.BIRTH, Reason.MARRIAGE_IN, Reason.RETURN, Reason.CORRECTION),
            Kind.MEMBER_LEFT, EnumSet.of(Reason.DEATH, Reason.MARRIAGE_OUT, Reason.MOVED_OUT, Reason.HUKOU_MOVED_OUT,
                    Reason.CORRECTION),
            Kind.LABOUR_CAPACITY, EnumSet.of(Reason.REASSESSED, Reason.CORRECTION),
            Kind.RELATIONSHIP, EnumSet.of(Reason.REASSESSED, Reason.CORRECTION),
            Kind.HEAD_OF_HOUSEHOLD, EnumSet.of(Reason.DEATH, Reason.MARRIAGE_OUT, Reason.MOVED_OUT, Reason.HUKOU_MOVED_OUT,
                    Reason.REASSESSED, Reason.CORRECTION),
            Kind.DIVISION, EnumSet.of(Reason.RELOCATION, Reason.CORRECTION),
            Kind.POLICY_FLAG, EnumSet.of(Reason.POLICY_DECISION, Reason.CORRECTION),
            Kind.CATEGORY, EnumSet.of(Reason.CORRECTION));

    private ChangeRules() {
    }

    /** The reasons a kind of change may give. */
    public static Set<Reason> reasonsFor(Kind kind) {
        return REASONS.get(kind);
    }

    /**
     * @param newMemberId the id a member added by this change will have
     * @param today       the day the change is recorded (China's date): nothing takes effect later
     */
    public static Decision decide(HouseholdState household, HouseholdChange change, UUID newMemberId, LocalDate today) {
        if (change.kind() == null || change.reason() == null || change.effectiveOn() == null) {
            return Decision.refuse("变动信息不完整", "须填写变动类型、原因和生效日期。");
        }
        if (!REASONS.get(change.kind()).contains(change.reason())) {
            return Decision.refuse("变动原因不符", "该类变动的原因应为："
                    + REASONS.get(change.kind()).stream().map(Reason::label).collect(Collectors.joining("、")) + "。");
        }
        if (change.effectiveOn().isAfter(today)) {
            return Decision.refuse("生效日期无效", "生效日期不能晚于今天：变动发生后再登记。");
        }
        if (change.effectiveOn().isBefore(EARLIEST)) {
            return Decision.refuse("生效日期无效", "生效日期不能早于 2014-01-01（建档立卡之前的变动不登记）。");
        }
        return switch (change.kind()) {
            case MEMBER_ADDED -> memberAdded(household, change, newMemberId);
            case DIVISION -> division(household, change);
            case POLICY_FLAG -> policyFlag(household, change);
            case CATEGORY -> category(household, change);
            case MEMBER_LEFT, LABOUR_CAPACITY, RELATIONSHIP, HEAD_OF_HOUSEHOLD -> {
                MemberState member = change.memberId() == null ? null : household.member(change.memberId()).orElse(null);
                if (member == null || !member.active()) {
                    yield Decision.refuse("成员不存在", "本户没有该成员，或该成员已不在本户。");
                }
                if (member.joinedOn() != null && change.effectiveOn().isBefore(member.joinedOn())) {
                    yield Decision.refuse("生效日期无效", "该成员于 " + member.joinedOn() + " 加入本户，变动不能早于此日。");
                }
                yield switch (change.kind()) {
                    case MEMBER_LEFT -> memberLeft(household, change, member);
                    case LABOUR_CAPACITY -> labourCapacity(change, member);
                    case RELATIONSHIP -> relationship(change, member);
                    default -> head(household, change, member);
                };
            }
        };
    }

    private static Decision memberAdded(HouseholdState household, HouseholdChange change, UUID newMemberId) {
        var member = change.newMember();
        if (member == null || member.name() == null || member.name().isBlank() || member.idNumber() == null) {
            return Decision.refuse("成员信息不完整", "新增成员须填写姓名和身份证号。");
        }
        if (!ResidentIdNumbers.isValid(member.idNumber())) {
            return Decision.refuse("身份证号无效", "新增成员的身份证号校验位不正确。");
        }
        if (member.labourCapacity() != null && !CAPACITIES.contains(member.labourCapacity())) {
            return Decision.refuse("劳动能力无效", "劳动能力应为 FULL、PARTIAL 或 NONE。");
        }
        if (household.activeMembers().size() >= MAX_MEMBERS) {
            return Decision.refuse("成员过多", "一户最多 " + MAX_MEMBERS + " 名成员。");
        }
        boolean hasHead = household.activeMembers().stream().anyMatch(MemberState::head);
        if (HouseholdState.HEAD.equals(member.relationship()) && hasHead) {
            return Decision.refuse("户主已存在", "本户已有户主；如需变更户主，请登记户主变更。");
        }
        return Decision.change("新增成员 " + member.name() + "（" + change.reason().label() + "）",
                new FieldChange(newMemberId, Field.PRESENCE, null, "ACTIVE"));
    }

    private static Decision memberLeft(HouseholdState household, HouseholdChange change, MemberState member) {
        if (member.head() && household.activeMembers().size() > 1) {
            return Decision.refuse("请先变更户主", "户主减少前，须先将本户另一名成员登记为户主。");
        }
        return Decision.change("成员 " + member.name() + " 减少（" + change.reason().label() + "，" + change.effectiveOn() + "）",
                new FieldChange(member.id(), Field.STATUS, "ACTIVE", "LEFT"));
    }

    private static Decision labourCapacity(HouseholdChange change, MemberState member) {
        if (change.labourCapacity() == null || !CAPACITIES.contains(change.labourCapacity())) {
            return Decision.refuse("劳动能力无效", "劳动能力应为 FULL、PARTIAL 或 NONE。");
        }
        if (change.labourCapacity().equals(member.labourCapacity())) {
            return Decision.refuse("没有变化", "该成员的劳动能力已是所填值。");
        }
        return Decision.change("成员 " + member.name() + " 劳动能力变更为 " + label(change.labourCapacity()),
                new FieldChange(member.id(), Field.LABOUR_CAPACITY, member.labourCapacity(), change.labourCapacity()));
    }

    private static Decision relationship(HouseholdChange change, MemberState member) {
        String relationship = change.relationship() == null ? "" : change.relationship().trim();
        if (relationship.isEmpty() || relationship.length() > 20) {
            return Decision.refuse("与户主关系无效", "与户主关系不能为空且不超过20字。");
        }
        if (HouseholdState.HEAD.equals(relationship) || member.head()) {
            return Decision.refuse("请登记户主变更", "户主的确定与变更请登记户主变更。");
        }
        if (relationship.equals(member.relationship())) {
            return Decision.refuse("没有变化", "该成员与户主关系已是所填值。");
        }
        return Decision.change("成员 " + member.name() + " 与户主关系更正",
                new FieldChange(member.id(), Field.RELATIONSHIP, member.relationship(), relationship));
    }

    private static Decision head(HouseholdState household, HouseholdChange change, MemberState member) {
        if (member.head()) {
            return Decision.refuse("没有变化", "该成员已是户主。");
        }
        List<FieldChange> fields = new ArrayList<>();
        var former = household.activeMembers().stream().filter(MemberState::head).findFirst();
        if (former.isPresent()) {
            String relationship = change.formerHeadRelationship() == null ? "" : change.formerHeadRelationship().trim();
            if (relationship.isEmpty() || relationship.length() > 20 || HouseholdState.HEAD.equals(relationship)) {
                return Decision.refuse("须填写原户主与新户主的关系", "变更户主时，须填写原户主今后与户主的关系（不超过20字）。");
            }
            fields.add(new FieldChange(former.get().id(), Field.RELATIONSHIP, HouseholdState.HEAD, relationship));
        }
        fields.add(new FieldChange(member.id(), Field.RELATIONSHIP, member.relationship(), HouseholdState.HEAD));
        fields.add(new FieldChange(null, Field.HEAD_NAME, household.headName(), member.name()));
        return new Decision(List.copyOf(fields), "户主变更为 " + member.name() + "（" + change.reason().label() + "）", null, null);
    }

    private static Decision division(HouseholdState household, HouseholdChange change) {
        String code = change.divisionCode();
        if (code == null || !code.matches("\\d{12}") || !FUSHUN_COUNTIES.contains(code.substring(0, 6))) {
            return Decision.refuse("行政区划无效", "迁入地必须是抚顺市内（新抚区、东洲区、望花区、顺城区、抚顺县、新宾县、清原县）的12位村级行政区划代码。");
        }
        if (code.equals(household.divisionCode())) {
            return Decision.refuse("没有变化", "该户已在所填行政区划。");
        }
        return Decision.change("户迁至 " + code + "（" + change.reason().label() + "）",
                new FieldChange(null, Field.DIVISION, household.divisionCode(), code));
    }

    private static Decision policyFlag(HouseholdState household, HouseholdChange change) {
        if (change.notEntitledToPolicy() == null) {
            return Decision.refuse("须填写是否脱贫不享受政策户", "请填写 notEntitledToPolicy（true 或 false）。");
        }
        if (change.notEntitledToPolicy() == household.notEntitledToPolicy()) {
            return Decision.refuse("没有变化", "该户的“脱贫不享受政策户”标识已是所填值。");
        }
        return Decision.change(change.notEntitledToPolicy() ? "标识为脱贫不享受政策户" : "取消脱贫不享受政策户标识",
                new FieldChange(null, Field.POLICY_FLAG, String.valueOf(household.notEntitledToPolicy()),
                        String.valueOf(change.notEntitledToPolicy())));
    }

    private static Decision category(HouseholdState household, HouseholdChange change) {
        if (change.category() == null) {
            return Decision.refuse("须填写农户类别", "请填写更正后的农户类别。");
        }
        if (!CategoryRules.cadreMayCorrect(household.category(), change.category())) {
            return Decision.refuse("类别须经认定", Objects.equals(household.category(), change.category())
                    ? "该户已是" + change.category().label() + "。"
                    : "监测类别（脱贫不稳定户、边缘易致贫户、突发严重困难户）只能由村、乡、县认定程序的县级环节确定；"
                    + "直接更正只限脱贫户与一般农户之间的登记错误。");
        }
        return Decision.change("农户类别更正为" + change.category().label(),
                new FieldChange(null, Field.CATEGORY, household.category().name(), change.category().name()));
    }

    private static String label(String capacity) {
        return switch (capacity) {
            case "FULL" -> "有劳动能力";
            case "PARTIAL" -> "部分劳动能力";
            default -> "无劳动能力";
        };
    }
}
