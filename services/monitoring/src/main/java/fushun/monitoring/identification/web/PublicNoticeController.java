package fushun.monitoring.identification.web;

import fushun.platform.web.Page;

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
    Page<PublicNotices.Notice> list(
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "行政区划代码应为6、9或12位数字") String division,
            @RequestParam(defaultValue = "false") boolean running,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return notices.list(Jurisdiction.current(), division, running, page, size);
    }

    @GetMapping("/{id}")
    PublicNotices.Notice find(@PathVariable UUID id) {
        return notices.find(id, Jurisdiction.current());
    }

    @GetMapping("/{id}/objections")
    Page<PublicNotices.Objection> objections(@PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return notices.objections(id, Jurisdiction.current(), page, size);
    }

    /** An objection received during the notice (异议), recorded by the village or the township. */
    @PostMapping("/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer')")
    PublicNotices.Objection object(@PathVariable UUID id, @Valid @RequestBody ObjectionRequest request, Authentication caller) {
        return notices.object(id, request.receivedOn(), request.summary(), caller.getName(), Jurisdiction.current());
    }

    /** The village board's sheet (.xlsx): every notice running today in the village, to print and post. */
    @GetMapping("/board.xlsx")
    void board(@RequestParam @Pattern(regexp = "\\d{12}", message = "应为12位村级行政区划代码") String village,
               HttpServletResponse response) throws IOException {
        if (!Jurisdiction.current().covers(village)) {
            throw new fushun.platform.web.NotFoundException("该村不在您的管辖范围内。");
        }
        try (OutputStream out = XlsxRoster.download(response, "public-notice-" + village + ".xlsx")) {
            notices.writeBoard(village, Jurisdiction.current(), out);
        }
    }
}
