package fushun.platform.outbox.web;

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
@RequestMapping("/api/${spring.application.name}/admin/outbox")
@PreAuthorize("hasRole('admin')")
public class OutboxAdminController {

    private final OutboxAdmin outbox;

    public OutboxAdminController(OutboxAdmin outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    public OutboxAdmin.Figures figures() {
        return outbox.figures();
    }

    @GetMapping("/parked")
    public Page<OutboxAdmin.ParkedRow> parked(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                              @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return outbox.parked(page, size);
    }

    @PostMapping("/parked/{id}/retry")
    public ResponseEntity<Void> retry(@PathVariable long id, Authentication admin) {
        outbox.retry(id, admin.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/parked/{id}/discard")
    public ResponseEntity<Void> discard(@PathVariable long id, Authentication admin) {
        outbox.discard(id, admin.getName());
        return ResponseEntity.noContent().build();
    }
}
