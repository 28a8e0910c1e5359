package fushun.monitoring.roster.web;

import fushun.platform.web.Page;

import fushun.monitoring.roster.ImportJob;
import fushun.monitoring.roster.RosterImports;
import fushun.monitoring.roster.internal.RosterRules;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
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
@RequestMapping("/api/monitoring/imports")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'admin')")
class RosterImportController {

    private final RosterImports imports;

    RosterImportController(RosterImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<ImportJob> upload(@RequestParam("file") MultipartFile file,
                                     @RequestParam(defaultValue = "false") boolean dryRun,
                                     Authentication caller) throws IOException {
        if (file.isEmpty()) {
            throw new RuleViolationException("文件为空", "请上传包含数据的花名册文件。");
        }
        ImportJob job = imports.submit(file.getOriginalFilename(), file.getInputStream(), caller.getName(),
                Jurisdiction.current(), dryRun);
        return ResponseEntity.accepted().location(URI.create("/api/monitoring/imports/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    ImportJob job(@PathVariable UUID id, Authentication caller) {
        return imports.find(id, caller.getName(), Jurisdiction.current());
    }

    /** Applies a previewed roster (uploaded with {@code dryRun=true}), compared again with today's registry. */
    @PostMapping("/{id}/confirmation")
    ResponseEntity<ImportJob> confirm(@PathVariable UUID id, Authentication caller) {
        return ResponseEntity.accepted().body(imports.confirm(id, caller.getName(), Jurisdiction.current()));
    }

    /** Per household, the changes the import made to registered households, or for a preview would make. */
    @GetMapping("/{id}/changes")
    Page<RosterImports.PlannedChange> changes(
            @PathVariable UUID id, Authentication caller,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "100") @Min(value = 1, message = "每页至少1条")
            @Max(value = 1000, message = "每页最多1000条") int size) {
        return imports.changes(id, caller.getName(), Jurisdiction.current(), page, size);
    }

    @GetMapping("/{id}/errors")
    Page<RosterRules.RowError> errors(@PathVariable UUID id, Authentication caller,
                                      @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                      @RequestParam(defaultValue = "100") @Min(value = 1, message = "每页至少1条")
                                      @Max(value = 1000, message = "每页最多1000条") int size) {
        return imports.errors(id, caller.getName(), Jurisdiction.current(), page, size);
    }
}
