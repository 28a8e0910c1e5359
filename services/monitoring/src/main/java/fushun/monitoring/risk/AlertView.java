package fushun.monitoring.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An alert as shown to people: risk types, why, and who must do what by when. */
public record AlertView(UUID id, List<String> riskTypes, String explanation, String status, Instant raisedAt,
                        List<AssignmentView> assignments) {

    @Schema(name = "AlertAssignment", description = "预警分派给一个责任部门的帮扶任务：完成期限、状态、部门案件编号和签收时间")
    public record AssignmentView(UUID id, String bureau, LocalDate dueDate, String status, String caseReference,
                                 Instant acknowledgedAt) {
    }
}
