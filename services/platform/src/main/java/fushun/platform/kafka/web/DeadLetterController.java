package fushun.platform.kafka.web;

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
@RequestMapping("/api/${spring.application.name}/admin/dead-letters")
@PreAuthorize("hasRole('admin')")
public class DeadLetterController {

    /** One dead letter, as the list names it. */
    public record Record(@NotBlank @Pattern(regexp = "[a-z0-9.-]{1,240}\\.DLT", message = "死信主题名无效") String topic,
                         @NotNull @PositiveOrZero Integer partition, @NotNull @PositiveOrZero Long offset) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public Page<DeadLetters.DeadLetter> list(
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{1,80}", message = "事件类型无效") String type,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return deadLetters.list(type, page, size);
    }

    @PostMapping("/replay")
    public DeadLetters.Replay replay(@Valid @RequestBody Record record, Authentication admin) {
        return deadLetters.replay(record.topic(), record.partition(), record.offset(), admin.getName());
    }

    @PostMapping("/replay-all")
    public List<DeadLetters.Replay> replayAll(
            @RequestParam @Pattern(regexp = "[A-Za-z]{1,80}", message = "事件类型无效") String type, Authentication admin) {
        return deadLetters.replayAll(type, admin.getName());
    }
}
