package fushun.employment.labour.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "劳动力与培训", description = "人社局工作人员查看农户的家庭成员及其劳动能力，登记就业状态（失业作为务工就业不稳的风险信号报告监测服务）和职业培训，均限于当前用户的辖区。")
@RequestMapping("/api/employment")
@PreAuthorize("hasRole('hr-officer')")
class LabourController {

    @Schema(description = "就业状态：EMPLOYED 务工就业、UNEMPLOYED 未就业、LOST_JOB 失业，及其起始日期")
    record StatusRequest(@NotNull(message = "必须填写就业状态") @Pattern(regexp = "EMPLOYED|UNEMPLOYED|LOST_JOB",
            message = "就业状态应为 EMPLOYED、UNEMPLOYED 或 LOST_JOB") String status,
                         // a person's own history: employed since long before the registration is plausible
                         @NotNull(message = "必须填写日期")
                         @PlausibleDate(notBefore = "1950-01-01", message = "日期应在1950-01-01至今天之间") LocalDate since) {
    }

    @Schema(description = "一次职业培训：培训项目、学时和结业日期")
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
    @Operation(summary = "查看农户的家庭成员", description = "人社局工作人员（hr-officer）查看辖区内一户的家庭成员：劳动能力、就业状态、是否已离户，身份证号脱敏；在户且有劳动能力的在前。不分页；农户不在辖区或尚未同步到人社系统时答 404。")
    List<PersonView> people(@Parameter(description = "农户编号") @PathVariable UUID householdId) {
        return views.toPersonViews(labourers.ofHousehold(householdId, Jurisdiction.current()));
    }

    /** A job lost (LOST_JOB) is signalled to monitoring as an income drop. */
    @PutMapping("/people/{personId}/employment-status")
    @Operation(summary = "登记就业状态", description = "人社局工作人员登记辖区内一人的就业状态及起始日期。由其他状态变为失业（LOST_JOB）时，作为务工就业不稳的风险信号报告监测服务（每次变化一次）。")
    PersonView status(@Parameter(description = "人员编号") @PathVariable UUID personId,
                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"status": "LOST_JOB", "since": "2026-11-10"}"""))) @Valid @RequestBody StatusRequest request) {
        return views.toView(labourers.setStatus(personId, request.status(), request.since(), Jurisdiction.current()));
    }

    @PostMapping("/people/{personId}/trainings")
    @Operation(summary = "登记职业培训", description = "人社局工作人员为辖区内一人登记一次已结业的职业培训（培训项目、学时、结业日期），登记人记入记录；成功时答 200 并返回该培训记录。")
    TrainingView training(@Parameter(description = "人员编号") @PathVariable UUID personId,
                          @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"course": "家政服务员（初级）", "hours": 40, "completedOn": "2026-10-30"}"""))) @Valid @RequestBody TrainingRequest request,
                          Authentication caller) {
        return views.toView(labourers.addTraining(personId, request.course(), request.hours(), request.completedOn(),
                caller.getName(), Jurisdiction.current()));
    }

    @GetMapping("/people/{personId}/trainings")
    @Operation(summary = "查看培训记录", description = "人社局工作人员查看辖区内一人的全部职业培训，按结业日期排列。不分页。")
    List<TrainingView> trainings(@Parameter(description = "人员编号") @PathVariable UUID personId) {
        return views.toTrainingViews(labourers.trainings(personId, Jurisdiction.current()));
    }
}
