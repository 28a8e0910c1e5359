package fushun.platform.testapp;

import jakarta.validation.constraints.Max;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller validated by a method-validation proxy (class-level {@code @Validated}) instead of
 * Spring MVC's own parameter validation: its refusals must still be 400 problems, never 500.
 */
@RestController
@Validated
class ProxiedThingsController {

    @GetMapping("/proxied-things")
    @PreAuthorize("hasRole('reader')")
    Map<String, Integer> list(@RequestParam(defaultValue = "20") @Max(value = 200, message = "每页最多200条") int size) {
        return Map.of("size", size);
    }
}
