package fushun.platform.kafka.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import fushun.platform.kafka.DeadLetters;
import fushun.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each service's dead letters under {@code /api/<service>/admin/dead-letters}, for administrators:
 * list them a page at a time (optionally of one event type; never the payload), replay one, or
 * replay every one of a type after a fix. Replays go through the service's inbox.
 */
@RestController
@Tag(name = "死信", description = "本服务处理失败、转入死信主题的事件：管理员查看（不含事件内容），修复后重放一条或某一类型的全部；重放经收件箱去重，不会重复生效。")
@RequestMapping("/api/${spring.application.name}/admin/dead-letters")
@PreAuthorize("hasRole('admin')")
public class DeadLetterController {

    /** One dead letter, as the list names it. */
    @Schema(name = "DeadLetterRef", description = "一条死信的位置：死信主题、分区和偏移量（来自死信列表）")
    public record Record(@NotBlank @Pattern(regexp = "[a-z0-9.-]{1,240}\\.DLT", message = "死信主题名无效") String topic,
                         @NotNull @PositiveOrZero Integer partition, @NotNull @PositiveOrZero Long offset) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "查看死信", description = "分页列出尚未重放的死信：事件类型、键、出错原因和时间，不含事件内容；可按事件类型筛选。")
    public Page<DeadLetters.DeadLetter> list(
            @Parameter(description = "事件类型，例如 RiskAlertRaised") @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{1,80}", message = "事件类型无效") String type,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return deadLetters.list(type, page, size);
    }

    @PostMapping("/replay")
    @Operation(summary = "重放一条死信", description = "把一条死信交回本服务处理（经收件箱，已处理过的不会再生效），结果记入审计。死信已不在死信主题中（过了保留期）时，结果为 GONE。")
    public DeadLetters.Replay replay(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"topic": "monitoring.risk-alert.v1.DLT", "partition": 0, "offset": 42}"""))) @Valid @RequestBody Record record, Authentication admin) {
        return deadLetters.replay(record.topic(), record.partition(), record.offset(), admin.getName());
    }

    @PostMapping("/replay-all")
    @Operation(summary = "重放某类型的全部死信", description = "修复原因后，把某一事件类型的全部死信依次交回本服务处理，逐条返回结果；经收件箱去重，重放两次也只生效一次。")
    public List<DeadLetters.Replay> replayAll(
            @Parameter(description = "事件类型，例如 RiskAlertRaised") @RequestParam @Pattern(regexp = "[A-Za-z]{1,80}", message = "事件类型无效") String type, Authentication admin) {
        return deadLetters.replayAll(type, admin.getName());
    }
}
