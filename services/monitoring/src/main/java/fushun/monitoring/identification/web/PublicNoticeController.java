package fushun.monitoring.identification.web;

import fushun.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import fushun.monitoring.identification.PublicNotices;
import fushun.platform.export.XlsxRoster;
import fushun.platform.security.Jurisdiction;
import fushun.platform.validation.PlausibleDate;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public notices of the identification and elimination procedures (公示), their objections, the village board's sheet. */
// no class-level @Validated: it would move parameter checks to a proxy whose exception answers 500, not a 400 problem
@RestController
@Tag(name = "认定与公示", description = "村级摸排、乡镇审核、县级认定三级程序（纳入监测对象或确认风险消除）：各级人员在本级辖区内逐级决定并说明理由；村级同意后在村内公示，公示期间登记异议，公示期满后乡镇方可审核（绿色通道且无异议的除外）。")
@RequestMapping("/api/monitoring/public-notices")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
class PublicNoticeController {

    record ObjectionRequest(@NotNull(message = "必须填写收到异议的日期")
                            @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, message = "日期应在2021-01-01至今天之间") LocalDate receivedOn,
                            @NotBlank(message = "必须填写异议内容") @Size(max = 1000, message = "异议内容不超过1000字") String summary) {
    }

    private final PublicNotices notices;

    PublicNoticeController(PublicNotices notices) {
        this.notices = notices;
    }

    /** Notices in the caller's division; {@code running=true} those on the board today; {@code division} narrows to a village or township. */
    @GetMapping
    @Operation(summary = "查看公示", description = "分页列出当前用户辖区内的公示，最新张贴的在前，附总数；division 缩小到某乡镇或村，running=true 只看今天正在公示的。公示只有脱敏的户主姓名、家庭人口、农户类别和公示事项，不含身份证号、电话和风险原因。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查。")
    Page<PublicNotices.Notice> list(
            @Parameter(description = "行政区划代码（6、9或12位），只看其下的公示") @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "行政区划代码应为6、9或12位数字") String division,
            @Parameter(description = "只看今天正在公示的") @RequestParam(defaultValue = "false") boolean running,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return notices.list(Jurisdiction.current(), division, running, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看一条公示", description = "一条公示的内容、公示起止日期、所用天数参数、异议条数和今天是否在公示中。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；不在本人辖区时答 404。")
    PublicNotices.Notice find(@Parameter(description = "公示 ID") @PathVariable UUID id) {
        return notices.find(id, Jurisdiction.current());
    }

    @GetMapping("/{id}/objections")
    @Operation(summary = "查看公示的异议", description = "分页列出公示期间登记的异议（收到日期、内容、登记人），按收到日期排列，附总数。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；公示不在本人辖区时答 404。")
    Page<PublicNotices.Objection> objections(@Parameter(description = "公示 ID") @PathVariable UUID id,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return notices.objections(id, Jurisdiction.current(), page, size);
    }

    /** An objection received during the notice (异议), recorded by the village or the township. */
    @PostMapping("/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer')")
    @Operation(summary = "登记公示异议", description = "村干部或乡镇审核人员登记公示期间收到的异议（收到日期和内容），成功时答 201 并返回登记的异议；有异议的事项须待公示期满乡镇方可审核。事项已过乡镇审核环节、收到日期晚于今天或不在公示期内时答 422。")
    PublicNotices.Objection object(@Parameter(description = "公示 ID") @PathVariable UUID id,
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"receivedOn": "2026-11-24", "summary": "村民反映该户有子女在外地务工，收入情况与申报不符，请核实。"}"""))) @Valid @RequestBody ObjectionRequest request, Authentication caller) {
        return notices.object(id, request.receivedOn(), request.summary(), caller.getName(), Jurisdiction.current());
    }

    /** The village board's sheet (.xlsx): every notice running today in the village, to print and post. */
    @GetMapping("/board.xlsx")
    @Operation(summary = "下载村公示栏表格", description = "生成某村今天正在公示的全部事项的 Excel 表格，供打印张贴：脱敏的户主姓名、家庭人口、农户类别、公示事项和起止日期，附异议反映渠道。村干部、乡镇审核人员、县级审批人、分析人员和管理员可下载；该村不在本人辖区时答 404。")
    @ApiResponse(responseCode = "200", description = "村公示栏表格（.xlsx）",
            headers = @Header(name = "Content-Disposition", description = "作为附件下载，文件名 public-notice-{village}.xlsx",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "该村不在当前用户的辖区内",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    void board(@Parameter(description = "村级行政区划代码（12位）") @RequestParam @Pattern(regexp = "\\d{12}", message = "应为12位村级行政区划代码") String village,
               HttpServletResponse response) throws IOException {
        if (!Jurisdiction.current().covers(village)) {
            throw new fushun.platform.web.NotFoundException("该村不在您的管辖范围内。");
        }
        try (OutputStream out = XlsxRoster.download(response, "public-notice-" + village + ".xlsx")) {
            notices.writeBoard(village, Jurisdiction.current(), out);
        }
    }
}
