package fushun.monitoring.identification.web;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.identification.IdentificationView;
import fushun.monitoring.identification.Identifications;
import fushun.monitoring.identification.Procedure;
import fushun.platform.security.CallerRoles;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The identification procedure for the village, township and county, each within their division. */
@RestController
@RequestMapping("/api/monitoring/identifications")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
class IdentificationController {

    /** A step's decision; the county also names the category the household is monitored as. */
    record DecisionRequest(@NotNull(message = "必须选择同意或不同意") Procedure.Decision decision,
                           @NotBlank(message = "必须填写理由") @Size(max = 1000, message = "理由不超过1000字") String reason,
                           HouseholdCategory category) {
    }

    private final Identifications identifications;

    IdentificationController(Identifications identifications) {
        this.identifications = identifications;
    }

    /** Open procedures, oldest first, paged with the total; {@code overdue=true} lists those past the clock's deadline. */
    @GetMapping
    Page<IdentificationView> open(@RequestParam(defaultValue = "false") boolean overdue,
                                  @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                  @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条")
                                  @Max(value = 200, message = "每页最多200条") int size) {
        return identifications.open(Jurisdiction.current(), overdue, page, size);
    }

    @GetMapping("/{id}")
    IdentificationView one(@PathVariable UUID id) {
        return identifications.find(id, Jurisdiction.current());
    }

    @PostMapping("/{id}/decisions")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver')")
    IdentificationView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request, Authentication caller) {
        return identifications.decide(id, request.decision(), request.reason(), request.category(), caller.getName(),
                CallerRoles.current(), Jurisdiction.current());
    }
}
