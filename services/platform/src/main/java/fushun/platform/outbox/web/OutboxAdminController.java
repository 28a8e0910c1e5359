package fushun.platform.outbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import fushun.platform.outbox.OutboxAdmin;
import fushun.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each service's outbox under {@code /api/<service>/admin/outbox}, for administrators: its figures,
 * the parked rows a page at a time (without payload), and retrying or discarding one, audited.
 */
@RestController
@Tag(name = "事件发件箱", description = "本服务待发布的事件：管理员查看积压与搁置情况，对搁置的事件重试或放弃，操作记入审计。")
@RequestMapping("/api/${spring.application.name}/admin/outbox")
@PreAuthorize("hasRole('admin')")
public class OutboxAdminController {

    private final OutboxAdmin outbox;

    public OutboxAdminController(OutboxAdmin outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "查看发件箱概况", description = "待发布、已搁置的事件数和最早待发布事件的等待时间。")
    public OutboxAdmin.Figures figures() {
        return outbox.figures();
    }

    @GetMapping("/parked")
    @Operation(summary = "查看搁置的事件", description = "分页列出因多次发布失败而搁置的事件（不含事件内容）：同一键的后续事件在它之后等待。")
    public Page<OutboxAdmin.ParkedRow> parked(@Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                              @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return outbox.parked(page, size);
    }

    @PostMapping("/parked/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "重试搁置的事件", description = "把一条搁置的事件放回待发布，同一键的后续事件随之继续；记入审计。成功时无内容（204）。")
    public ResponseEntity<Void> retry(@PathVariable long id, Authentication admin) {
        outbox.retry(id, admin.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/parked/{id}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "放弃搁置的事件", description = "放弃一条无法发布的事件，不再发布，同一键的后续事件随之继续；记入审计。成功时无内容（204）。")
    public ResponseEntity<Void> discard(@PathVariable long id, Authentication admin) {
        outbox.discard(id, admin.getName());
        return ResponseEntity.noContent().build();
    }
}
