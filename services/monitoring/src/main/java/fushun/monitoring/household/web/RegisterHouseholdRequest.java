package fushun.monitoring.household.web;

import fushun.contracts.HouseholdCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/monitoring/households}. The first member is the head of household. */
public record RegisterHouseholdRequest(
        @NotNull(message = "必须填写行政区划代码")
        @Pattern(regexp = "\\d{12}", message = "行政区划代码应为12位数字") String divisionCode,
        @NotNull(message = "必须选择农户类别") HouseholdCategory category,
        /** 脱贫不享受政策户; absent means no. */
        Boolean notEntitledToPolicy,
        @NotEmpty(message = "至少需要一名家庭成员") @Size(max = 20, message = "一户最多20名成员")
        List<@Valid MemberRequest> members) {

    public record MemberRequest(
            @NotBlank(message = "必须填写姓名") @Size(max = 50, message = "姓名过长") String name,
            @NotNull(message = "必须填写身份证号")
            @Pattern(regexp = "\\d{17}[0-9Xx]", message = "身份证号应为18位") String idNumber,
            @Size(max = 20) String relationship,
            @Pattern(regexp = "FULL|PARTIAL|NONE", message = "劳动能力应为 FULL、PARTIAL 或 NONE") String labourCapacity) {
    }
}
