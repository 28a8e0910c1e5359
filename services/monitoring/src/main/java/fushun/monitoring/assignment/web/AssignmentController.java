package fushun.monitoring.assignment.web;

import fushun.platform.validation.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import fushun.contracts.Bureau;
import fushun.monitoring.assignment.AssignmentView;
import fushun.monitoring.assignment.Assignments;
import fushun.monitoring.assignment.LeagueRow;
import fushun.monitoring.assignment.MeasureCount;
import fushun.monitoring.assignment.MeasureType;
import fushun.monitoring.assignment.MeasureTypes;
import fushun.platform.PlatformTime;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import fushun.platform.security.CallerRoles;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assignments by bureau, the league table, and the answers of bureaus without a service of their own. */
@RestController
@Tag(name = "帮扶任务", description = "风险预警分派给各责任部门的帮扶任务（谁在何时前做什么）：按部门和是否逾期查看任务、各部门按期办结的排名；没有自建业务系统的部门（教育局、卫健委、水务局、农业农村局、残联）和乡村振兴局在此按本部门的帮扶措施类型目录登记措施、办结任务；按县、部门和措施类型统计已登记的措施。")
class AssignmentController {

    private static final String READERS = "hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', "
            + "'admin', 'education-officer', 'health-officer', 'water-officer', 'agriculture-officer', "
            + "'disabled-federation-officer')";

    @Schema(name = "MeasureRequest", description = "一项已实施的帮扶措施：措施类型代码（本部门目录中实施日期有效的类型）、情况说明、金额（仅限需要金额的类型）和实施日期")
    record MeasureRequest(@Schema(description = "措施类型代码，取自 GET /api/monitoring/measure-types，例如 FAMILY_DOCTOR（家庭医生签约）", example = "STUDENT_AID")
                          @Size(max = 60, message = "措施类型代码不超过60个字符") String measureType,
                          @Schema(description = "已停用的自由文字措施名称：本版本内仍接受本部门有效措施类型的代码或名称，否则答 422；请改用 measureType", deprecated = true)
                          @Size(max = 100, message = "措施名称不超过100字") String measure,
                          @Size(max = 2000, message = "说明不超过2000字") String description,
                          @DecimalMin(value = "0", message = "金额不能为负")
                          @Digits(integer = 12, fraction = 2, message = "金额最多12位整数、2位小数") BigDecimal amount,
                          @NotNull(message = "必须填写实施日期") @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, message = "实施日期应在2021-01-01至今天之间") LocalDate appliedOn) {
    }

    record CloseRequest(@NotBlank(message = "必须填写办结情况") @Size(max = 1000, message = "办结情况不超过1000字") String outcome) {
    }

    private final Assignments assignments;
    private final MeasureTypes measureTypes;
    private final Clock clock;

    AssignmentController(Assignments assignments, MeasureTypes measureTypes, Clock clock) {
        this.assignments = assignments;
        this.measureTypes = measureTypes;
        this.clock = clock;
    }

    @GetMapping("/api/monitoring/assignments")
    @PreAuthorize(READERS)
    @Operation(summary = "查看帮扶任务", description = "分页列出当前用户辖区内的帮扶任务，完成期限早的在前，附总数；可按责任部门筛选，overdue=true 只看已过完成期限仍未办结的。村干部、乡镇审核人员、县级审批人、分析人员、管理员，以及教育局、卫健委、水务局、农业农村局、残联的经办人员可查。")
    Page<AssignmentView> list(@Parameter(description = "责任部门，例如 EDUCATION（教育局）；不填为全部部门") @RequestParam(required = false) Bureau bureau,
                              @Parameter(description = "只看已过完成期限仍未办结的任务") @RequestParam(defaultValue = "false") boolean overdue,
                              @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                              @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                              @Max(value = 500, message = "每页最多500条") int size) {
        return assignments.list(bureau, overdue, Jurisdiction.current(), page, size);
    }

    @GetMapping("/api/monitoring/league-table")
    @PreAuthorize("hasAnyRole('county-approver', 'analyst', 'admin')")
    @Operation(summary = "查看部门履职排名", description = "按责任部门和县（区）统计当前用户辖区内的帮扶任务：总数、未办结、按期办结、逾期办结、逾期未办结、已督办，以及按期办结率（没有可评判的任务时为空）。县级审批人、分析人员和管理员可查；不分页。")
    List<LeagueRow> leagueTable() {
        return assignments.leagueTable(Jurisdiction.current());
    }

    @GetMapping("/api/monitoring/measure-types")
    @PreAuthorize(READERS)
    @Operation(summary = "查看帮扶措施类型目录", description = "分页列出某日有效的帮扶措施类型（按部门和目录顺序），附总数：代码、名称、是否须填金额及金额含义、频次说明、依据和有效期。目录是数据：新增类型或调整类型只需新增一行（调整时原行设截止日期），无需改代码。可按责任部门筛选；asOf 不填为今天。可查看帮扶任务的角色均可查。")
    @ApiResponse(responseCode = "200", description = "该日有效的措施类型，一页及总数")
    Page<MeasureType> measureTypes(@Parameter(description = "责任部门，例如 HEALTH（卫健委）；不填为全部部门") @RequestParam(required = false) Bureau bureau,
                                   @Parameter(description = "在这一天有效的类型（yyyy-MM-dd），2014-01-01 至今天之后730天；不填为今天")
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   @PlausibleDate(maxDaysAhead = 730, message = "asOf 应在2014-01-01至今天之后730天之间") LocalDate asOf,
                                   @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                   @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                   @Max(value = 500, message = "每页最多500条") int size) {
        return measureTypes.list(bureau, asOf == null ? PlatformTime.today(clock) : asOf, page, size);
    }

    @GetMapping("/api/monitoring/measure-counts")
    @PreAuthorize("hasAnyRole('county-approver', 'analyst', 'admin')")
    @Operation(summary = "统计帮扶措施", description = "按县（区）、责任部门和措施类型统计当前用户辖区内实施日期在期间内的已分类措施：措施数和金额合计（不涉及金额的类型为空），由数据库汇总，分页并附分组总数。可按县和部门筛选；from 不填为当年1月1日，to 不填为今天。只统计按类型登记的措施（经消息反馈的部门的措施不在此列）。县级审批人、分析人员和管理员可查；from 晚于 to 时答 400。")
    @ApiResponse(responseCode = "200", description = "每县、每部门、每种措施类型一行，一页及分组总数")
    Page<MeasureCount> measureCounts(@Parameter(description = "县（区）行政区划代码（6位），例如 210422；不填为辖区内全部") @RequestParam(required = false)
                                     @Pattern(regexp = "\\d{6}", message = "县级行政区划代码应为6位数字") String county,
                                     @Parameter(description = "责任部门，例如 AGRICULTURE（农业农村局）；不填为全部部门") @RequestParam(required = false) Bureau bureau,
                                     @Parameter(description = "期间第一天（yyyy-MM-dd），含；不填为当年1月1日") @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate(message = "from 应在2014-01-01至今天之间") LocalDate from,
                                     @Parameter(description = "期间最后一天（yyyy-MM-dd），含；不填为今天") @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate(message = "to 应在2014-01-01至今天之间") LocalDate to,
                                     @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                     @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                     @Max(value = 500, message = "每页最多500条") int size) {
        LocalDate today = PlatformTime.today(clock);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.withDayOfYear(1) : from;
        if (first.isAfter(last)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "期间第一天（from）不能晚于最后一天（to）");
        }
        return measureTypes.count(Jurisdiction.current(), county, bureau, first, last, page, size);
    }

    @PostMapping("/api/monitoring/assignments/{id}/measures")
    @PreAuthorize(READERS)
    @Operation(summary = "登记帮扶措施", description = "没有自建业务系统的部门的经办人员为本部门的任务登记一项已实施的帮扶措施（乡村振兴局的任务由县级审批人登记），任务状态随之变为已落实措施。measureType 填本部门措施类型目录（GET /api/monitoring/measure-types）中在实施日期有效的类型代码；须填金额的类型必须填写大于0的金额，不涉及金额的类型不能填金额；情况说明写在 description 中。措施以类型代码和目录中的固定名称保存。措施类型未知、不属于本部门、在实施日期无效、金额不符，或任务已办结、属于经消息反馈的部门（民政局、医保局、住建局、人社局）、不属于本人所在部门时答 422，不作任何登记。已停用的 measure 字段本版本内仍接受本部门有效类型的代码或名称。成功时无内容（204）。")
    @ApiResponse(responseCode = "204", description = "措施已登记")
    ResponseEntity<Void> measure(@Parameter(description = "帮扶任务 ID") @PathVariable UUID id,
                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"measureType": "STUDENT_AID", "description": "为该户在读初中生发放2026年秋季学期生活补助。", "amount": 625.00, "appliedOn": "2026-11-20"}"""))) @Valid @RequestBody MeasureRequest request, Authentication caller) {
        assignments.recordMeasure(id, request.measureType(), request.measure(), request.description(), request.amount(),
                request.appliedOn(), caller.getName(), CallerRoles.current(), Jurisdiction.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/monitoring/assignments/{id}/close")
    @PreAuthorize(READERS)
    @Operation(summary = "办结帮扶任务", description = "经办人员填写办结情况，办结本部门的任务，此后不能再登记措施。与登记措施相同：任务已办结、属于经消息反馈的部门，或不属于本人所在部门时答 422；成功时无内容（204）。")
    @ApiResponse(responseCode = "204", description = "任务已办结")
    ResponseEntity<Void> close(@Parameter(description = "帮扶任务 ID") @PathVariable UUID id,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"outcome": "学生生活补助已发放到位，学生正常在校就读，任务办结。"}"""))) @Valid @RequestBody CloseRequest request) {
        assignments.closeByOfficer(id, request.outcome(), CallerRoles.current(), Jurisdiction.current());
        return ResponseEntity.noContent().build();
    }
}
