package fushun.socialassistance.benefits.web;

import fushun.platform.security.Jurisdiction;
import fushun.socialassistance.benefits.Applications;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dibao and 特困 applications: taken down by an operator, decided with reasons. */
@RestController
@RequestMapping("/api/social-assistance/applications")
@PreAuthorize("hasRole('civil-affairs-operator')")
class ApplicationController {

    private final Applications applications;
    private final ApplicationWebMapper mapper;

    ApplicationController(Applications applications, ApplicationWebMapper mapper) {
        this.applications = applications;
        this.mapper = mapper;
    }

    @PostMapping
    ResponseEntity<Applications.Application> submit(@Valid @RequestBody ApplicationRequests.Submit request,
                                                    Authentication caller) {
        UUID id = applications.submit(mapper.toNewApplication(request), caller.getName(), Jurisdiction.current());
        return ResponseEntity.created(URI.create("/api/social-assistance/applications/" + id))
                .body(applications.find(id, Jurisdiction.current()));
    }

    @GetMapping
    Applications.Page<Applications.Application> list(
            @RequestParam(required = false) @Pattern(regexp = "SUBMITTED|GRANTED|REJECTED",
                    message = "状态只能是 SUBMITTED、GRANTED 或 REJECTED") String status,
            @RequestParam(required = false) UUID caseId,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        return applications.list(Jurisdiction.current(), status, caseId, page, size);
    }

    @GetMapping("/{applicationId}")
    Applications.Application find(@PathVariable UUID applicationId) {
        return applications.find(applicationId, Jurisdiction.current());
    }

    /** Approves or rejects; the answer carries the determination, and the grant's id when approved. */
    @PostMapping("/{applicationId}/decision")
    Applications.Application decide(@PathVariable UUID applicationId, @Valid @RequestBody ApplicationRequests.Decide request,
                                    Authentication caller) {
        return applications.decide(applicationId, request.approve(), request.reason(), caller.getName(),
                Jurisdiction.current());
    }
}
