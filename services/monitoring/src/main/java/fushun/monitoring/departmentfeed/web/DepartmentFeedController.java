package fushun.monitoring.departmentfeed.web;

import fushun.monitoring.departmentfeed.DepartmentFeeds;
import fushun.monitoring.departmentfeed.FeedImport;
import fushun.monitoring.departmentfeed.FeedKind;
import fushun.platform.PlatformTime;
import fushun.platform.security.CallerRoles;
import fushun.platform.security.Jurisdiction;
import fushun.platform.validation.PlausibleDate;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Department data feeds (部门筛查预警) of the bureaus without a service: upload a file of a feed kind,
 * read the import and its row errors. Which bureau may send which kind is the kind's data (ADR 0040).
 */
@RestController
@Tag(name = "部门数据比对", description = "没有自建业务系统的部门（如教育局的学生花名册、水务局的农村饮水安全普查）上传本部门数据（.xlsx 或 .csv）：按数据类型的定义逐行比对已登记农户，符合条件的行作为部门信息比对线索，按线索规则对农户预警或进入认定程序；报告每行的错误，同一文件只导入一次，并计入该部门本月的报送。")
@RequestMapping("/api/monitoring/department-feeds")
class DepartmentFeedController {

    private static final String UPLOADERS = "hasAnyRole('education-officer', 'health-officer', 'water-officer', "
            + "'agriculture-officer', 'disabled-federation-officer')";
    private static final String READERS = "hasAnyRole('education-officer', 'health-officer', 'water-officer', "
            + "'agriculture-officer', 'disabled-federation-officer', 'county-approver', 'analyst', 'admin')";

    private final DepartmentFeeds feeds;
    private final Clock clock;

    DepartmentFeedController(DepartmentFeeds feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    @PostMapping(path = "/{kind}", consumes = "multipart/form-data")
    @PreAuthorize(UPLOADERS)
    @Operation(summary = "上传部门数据", description = "部门经办人员上传一份本部门某类数据（首行为列名，列的顺序不限），例如 EDUCATION_PUPIL_ROSTER（教育局学生花名册，列：身份证号、在校状态（在校/未在校）；6–15周岁未在校的已登记农户成员，其农户按“义务教育阶段辍学”预警，任务派教育局）、WATER_CENSUS（水务局农村饮水安全普查，列：户主身份证号、饮水安全（安全/不安全）；不安全的农户按“饮水安全问题”预警，任务派水务局）。asOf 为数据所反映的日期（年龄按这一天计算，报送计入这一天所在的月份）。逐行比对：身份证号无效、取值不符、登记册中没有此人、农户不在本人辖区的行报告行号、列和原因，不影响其他行；同一农户同一类型同一日期只形成一条线索，已因该风险在监测中的农户不重复预警。导入完成后答 201 并返回导入结果；本辖区再次上传同一文件时不作任何改动，答 200 并返回第一次的导入。只能上传本部门的数据类型（否则 403）；数据类型未知答 404；数据类型在该日期无效、文件为空、格式不是 .xlsx 或 .csv、无法读取、缺少所需的列，或上传人不属于县级及以下行政区划时答 422。")
    @ApiResponse(responseCode = "201", description = "已导入：返回导入结果",
            headers = @Header(name = "Location", description = "导入的地址：/api/monitoring/department-feeds/imports/{id}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "同一文件已导入过：返回第一次的导入，未作任何改动")
    ResponseEntity<FeedImport> upload(
            @Parameter(description = "数据类型代码，例如 EDUCATION_PUPIL_ROSTER、WATER_CENSUS") @PathVariable
            @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,59}$", message = "数据类型代码应为大写字母、数字和下划线") String kind,
            @Parameter(description = "数据文件：.xlsx（身份证号为文本单元格）或 UTF-8 的 .csv，首行为列名") @RequestParam("file") MultipartFile file,
            @Parameter(description = "数据所反映的日期（yyyy-MM-dd），2021-01-01 至今天") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, message = "asOf 应在2021-01-01至今天之间") LocalDate asOf,
            Authentication caller) throws IOException {
        if (file.isEmpty()) {
            throw new RuleViolationException("文件为空", "请上传包含数据的文件。");
        }
        DepartmentFeeds.Submitted submitted = feeds.submit(kind, asOf, file.getOriginalFilename(), file.getInputStream(),
                caller.getName(), CallerRoles.current(), Jurisdiction.current());
        FeedImport done = submitted.feedImport();
        if (!submitted.created()) {
            return ResponseEntity.ok(done);
        }
        return ResponseEntity.created(URI.create("/api/monitoring/department-feeds/imports/" + done.id())).body(done);
    }

    @GetMapping("/kinds")
    @PreAuthorize(READERS)
    @Operation(summary = "查看部门数据类型", description = "分页列出某日有效的部门数据类型（按部门和代码），附总数：代码、版本（生效日期）、部门、名称、触发的风险类型、身份证号列和取值列的列名、允许的取值、条件（VALUE_IN：取值列的值为所列值之一）及其取值、可选的年龄范围（按身份证号的出生日期，在数据日期的周岁，含两端）和线索的固定表述。数据类型是数据：新增类型只需新增一行。asOf 不填为今天。")
    @ApiResponse(responseCode = "200", description = "该日有效的数据类型，一页及总数")
    Page<FeedKind> kinds(
            @Parameter(description = "在这一天有效的类型（yyyy-MM-dd），2021-01-01 至今天之后730天；不填为今天")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, maxDaysAhead = 730,
                    message = "asOf 应在2021-01-01至今天之后730天之间") LocalDate asOf,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
            @Max(value = 500, message = "每页最多500条") int size) {
        return feeds.kinds(asOf == null ? PlatformTime.today(clock) : asOf, page, size);
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "查看部门数据导入", description = "导入的数据类型及其版本、部门、文件、数据日期和状态；读取、被拒的行数和未保存的错误数；符合条件的行数，形成线索的农户数，以及线索的结果：预警、进入认定程序、已在监测中不重复预警、脱贫不享受政策户不纳入。上传人本人或辖区包含上传人辖区的用户可查，否则答 404。")
    FeedImport find(@Parameter(description = "导入 ID") @PathVariable UUID id, Authentication caller) {
        return feeds.find(id, caller.getName(), Jurisdiction.current());
    }

    @GetMapping("/imports/{id}/errors")
    @PreAuthorize(READERS)
    @Operation(summary = "查看部门数据导入被拒的行", description = "分页列出被拒的行：行号（首行列名为第1行）、列和原因（每次导入最多保存1000条，其余只计数），附总数。原因不引用单元格内容。上传人本人或辖区包含上传人辖区的用户可查，否则答 404。")
    Page<DepartmentFeeds.RowError> errors(
            @Parameter(description = "导入 ID") @PathVariable UUID id, Authentication caller,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–1000") @RequestParam(defaultValue = "100") @Min(value = 1, message = "每页至少1条")
            @Max(value = 1000, message = "每页最多1000条") int size) {
        return feeds.errors(id, caller.getName(), Jurisdiction.current(), page, size);
    }
}
