package fushun.socialassistance.casework.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the operators' queue and case page show. */
final class CaseResponses {

    private CaseResponses() {
    }

    record CaseSummary(UUID caseId, UUID householdId, String divisionCode, String headName, List<String> riskTypes,
                       String status, LocalDate dueDate, Instant openedAt) {
    }

    record CaseDetail(UUID caseId, UUID householdId, UUID alertId, String divisionCode, List<String> riskTypes,
                      String explanation, String status, LocalDate dueDate, Instant openedAt, String outcome,
                      Instant closedAt, Household household) {
    }

    /** Null until the household's registration has reached this service. */
    @Schema(name = "CaseHousehold", description = "个案的农户：类别、是否脱贫不享受政策户、户主姓名和成员")
    record Household(String category, boolean notEntitledToPolicy, String headName, List<Member> members) {
    }

    /**
     * {@code personId} is what applications name members by; a member with {@code status} LEFT (died,
     * moved away; {@code leftOn}) is shown for history and is not part of a new application.
     */
    @Schema(name = "CaseMember", description = "个案农户的一名成员（身份证号脱敏）")
    record Member(UUID personId, String name, String maskedIdNumber, String relationship, String labourCapacity,
                  String status, LocalDate leftOn) {
    }
}
