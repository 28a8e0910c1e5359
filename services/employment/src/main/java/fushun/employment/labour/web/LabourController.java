package fushun.employment.labour.web;

import fushun.employment.labour.Labourers;
import fushun.employment.labour.web.LabourViews.PersonView;
import fushun.employment.labour.web.LabourViews.TrainingView;
import fushun.platform.security.Jurisdiction;
import fushun.platform.validation.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Labourers per household, employment status and training, for the county's HR officers. */
@RestController
@RequestMapping("/api/employment")
@PreAuthorize("hasRole('hr-officer')")
class LabourController {

    record StatusRequest(@NotNull(message = "必须填写就业状态") @Pattern(regexp = "EMPLOYED|UNEMPLOYED|LOST_JOB",
            message = "就业状态应为 EMPLOYED、UNEMPLOYED 或 LOST_JOB") String status,
                         // a person's own history: employed since long before the registration is plausible
                         @NotNull(message = "必须填写日期")
                         @PlausibleDate(notBefore = "1950-01-01", message = "日期应在1950-01-01至今天之间") LocalDate since) {
    }

    record TrainingRequest(@NotBlank(message = "必须填写培训项目") @Size(max = 200, message = "培训项目最多200字") String course,
                           @Min(value = 1, message = "学时至少为1") @Max(value = 2000, message = "学时过大") int hours,
                           @NotNull(message = "必须填写结业日期") @PlausibleDate(message = "结业日期应在2014-01-01至今天之间") LocalDate completedOn) {
    }

    private final Labourers labourers;
    private final LabourWebMapper views;

    LabourController(Labourers labourers, LabourWebMapper views) {
        this.labourers = labourers;
        this.views = views;
    }

    @GetMapping("/households/{householdId}/people")
    List<PersonView> people(@PathVariable UUID householdId) {
        return views.toPersonViews(labourers.ofHousehold(householdId, Jurisdiction.current()));
    }

    /** A job lost (LOST_JOB) is signalled to monitoring as an income drop. */
    @PutMapping("/people/{personId}/employment-status")
    PersonView status(@PathVariable UUID personId, @Valid @RequestBody StatusRequest request) {
        return views.toView(labourers.setStatus(personId, request.status(), request.since(), Jurisdiction.current()));
    }

    @PostMapping("/people/{personId}/trainings")
    TrainingView training(@PathVariable UUID personId, @Valid @RequestBody TrainingRequest request,
                          Authentication caller) {
        return views.toView(labourers.addTraining(personId, request.course(), request.hours(), request.completedOn(),
                caller.getName(), Jurisdiction.current()));
    }

    @GetMapping("/people/{personId}/trainings")
    List<TrainingView> trainings(@PathVariable UUID personId) {
        return views.toTrainingViews(labourers.trainings(personId, Jurisdiction.current()));
    }
}
