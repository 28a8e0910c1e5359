package fushun.platform.testapp;

import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import fushun.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A controller shaped like the services' ones, to test the platform's web mechanisms. */
@RestController
class ThingsController {

    record NewThing(@NotBlank(message = "名称不能为空") String name, @Positive(message = "数量必须大于零") int count) {
    }

    /** Every shape a body may take: text at depth, in lists and map keys, a yes/no and a count. */
    record Order(@NotBlank(message = "名称不能为空") String name, List<String> tags, List<Part> parts,
                 Map<String, String> labels, Boolean urgent, int seats) {
    }

    record Part(String note) {
    }

    @PostMapping("/things/orders")
    @PreAuthorize("hasRole('reader')")
    Map<String, Object> order(@Valid @RequestBody Order order) {
        return Map.of("name", order.name(), "seats", order.seats());
    }

    @GetMapping("/things")
    @PreAuthorize("hasRole('reader')")
    Map<String, String> search(@RequestParam(required = false) String q) {
        return Map.of("q", q == null ? "" : q);
    }

    @GetMapping("/things/{division}")
    @PreAuthorize("hasRole('reader')")
    Map<String, String> thing(@PathVariable String division) {
        if (!Jurisdiction.current().covers(division)) {
            throw new NotFoundException("没有这条记录。");
        }
        return Map.of("division", division);
    }

    @PostMapping("/things")
    @PreAuthorize("hasRole('reader')")
    Map<String, String> create(@Valid @RequestBody NewThing thing) {
        return Map.of("name", thing.name());
    }

    /** Approves a thing someone submitted: never the submitter. */
    @PostMapping("/things/approvals")
    @PreAuthorize("hasRole('reader')")
    Map<String, String> approve(@RequestParam String submittedBy, Authentication caller) {
        SeparationOfDuties.require(SeparationOfDuties.Step.APPROVE, caller.getName(),
                new SeparationOfDuties.Matter("该事项", "this thing"),
                new SeparationOfDuties.Taken(SeparationOfDuties.Step.SUBMIT, submittedBy));
        return Map.of("approvedBy", caller.getName());
    }
}
