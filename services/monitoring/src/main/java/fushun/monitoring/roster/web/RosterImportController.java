package fushun.monitoring.roster.web;

import fushun.platform.web.Page;

import fushun.monitoring.roster.ImportJob;
import fushun.monitoring.roster.RosterImports;
import fushun.monitoring.roster.internal.RosterRules;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Roster import: upload a file, follow the job, read the refused rows. Columns: 户编号, 行政区划代码,
 * 农户类别, 脱贫不享受政策户, 姓名, 身份证号 (a text cell), 与户主关系, 劳动能力; one row per member.
 */
@RestController
@Tag(name = "花名册导入", description = "批量导入农户花名册（.xlsx 或 .csv，每行一名成员，列为户编号、行政区划代码、农户类别、脱贫不享受政策户、姓名、身份证号、与户主关系、劳动能力）：后台逐户导入，可先预览再确认，随时查看进度、变动和被拒的行。")
@RequestMapping("/api/monitoring/imports")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'admin')")
class RosterImportController {

    private final RosterImports imports;

    RosterImportController(RosterImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "上传花名册", description = "上传花名册文件，排队后在后台逐户导入：新户登记，已登记的户按文件与登记册的差异登记变动，没有差异的计为未变；一户有错则整户不导入，报告行、列和原因，不影响其他户。dryRun=true 只预览将作的变动，文件保留24小时待确认。立即答 202，返回导入任务和指向它的 Location；同一辖区再次上传同一文件时返回已有的任务。村干部、乡镇审核人员、县级审批人和管理员可办理；文件为空、不是 .xlsx 或 .csv，或用户没有所属行政区划时答 422。")
    @ApiResponse(responseCode = "202", description = "已受理：返回排队中的导入任务",
            headers = @Header(name = "Location", description = "导入任务的地址：/api/monitoring/imports/{id}", schema = @Schema(type = "string")))
    ResponseEntity<ImportJob> upload(@Parameter(description = "花名册文件：.xlsx（身份证号为文本单元格）或 UTF-8 的 .csv，首行为列名，同一户的行相邻") @RequestParam("file") MultipartFile file,
                                     @Parameter(description = "只预览：true 时只比较并列出将作的变动，确认后才导入") @RequestParam(defaultValue = "false") boolean dryRun,
                                     Authentication caller) throws IOException {
        if (file.isEmpty()) {
            throw new RuleViolationException("文件为空", "请上传包含数据的花名册文件。");
        }
        ImportJob job = imports.submit(file.getOriginalFilename(), file.getInputStream(), caller.getName(),
                Jurisdiction.current(), dryRun);
        return ResponseEntity.accepted().location(URI.create("/api/monitoring/imports/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看导入任务", description = "导入任务的模式、状态和进度：总行数、已处理行数和百分比，登记、变动、未变、被拒的户数，被拒的行数和未保存的错误数，失败原因。提交人本人或辖区包含任务范围的用户可查（村干部、乡镇审核人员、县级审批人和管理员），否则答 404。")
    ImportJob job(@Parameter(description = "导入任务 ID") @PathVariable UUID id, Authentication caller) {
        return imports.find(id, caller.getName(), Jurisdiction.current());
    }

    /** Applies a previewed roster (uploaded with {@code dryRun=true}), compared again with today's registry. */
    @PostMapping("/{id}/confirmation")
    @Operation(summary = "确认导入预览", description = "对预览完成（PREVIEWED）的导入确认导入：按今天的登记册重新比较后执行，立即答 202 并返回重新排队的导入任务。任务不是预览完成状态（如已过24小时失效）、已在确认中，或预览的文件已不在（如服务重启）时答 422。")
    @ApiResponse(responseCode = "202", description = "已受理：返回重新排队的导入任务")
    ResponseEntity<ImportJob> confirm(@Parameter(description = "导入任务 ID") @PathVariable UUID id, Authentication caller) {
        return ResponseEntity.accepted().body(imports.confirm(id, caller.getName(), Jurisdiction.current()));
    }

    /** Per household, the changes the import made to registered households, or for a preview would make. */
    @GetMapping("/{id}/changes")
    @Operation(summary = "查看导入的变动", description = "分页列出导入对已登记农户作出的变动（预览时为将作出的），每项含行号、农户、变动类型、摘要和是否已执行，附总数。提交人本人或辖区包含任务范围的用户可查，否则答 404。")
    Page<RosterImports.PlannedChange> changes(
            @Parameter(description = "导入任务 ID") @PathVariable UUID id, Authentication caller,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–1000") @RequestParam(defaultValue = "100") @Min(value = 1, message = "每页至少1条")
            @Max(value = 1000, message = "每页最多1000条") int size) {
        return imports.changes(id, caller.getName(), Jurisdiction.current(), page, size);
    }

    @GetMapping("/{id}/errors")
    @Operation(summary = "查看导入被拒的行", description = "分页列出被拒的行：行号、列和原因（每个任务最多保存1000条，其余只计数），附总数。提交人本人或辖区包含任务范围的用户可查，否则答 404。")
    Page<RosterRules.RowError> errors(@Parameter(description = "导入任务 ID") @PathVariable UUID id, Authentication caller,
                                      @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                      @Parameter(description = "每页条数，1–1000") @RequestParam(defaultValue = "100") @Min(value = 1, message = "每页至少1条")
                                      @Max(value = 1000, message = "每页最多1000条") int size) {
        return imports.errors(id, caller.getName(), Jurisdiction.current(), page, size);
    }
}
