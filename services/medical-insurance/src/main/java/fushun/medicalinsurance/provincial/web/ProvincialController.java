package fushun.medicalinsurance.provincial.web;

import fushun.medicalinsurance.provincial.ProvincialPull;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The provincial platform pull: where each county stands, the breaker's state, a pull on demand. */
@RestController
@PreAuthorize("hasAnyRole('medical-insurance-officer', 'admin')")
class ProvincialController {

    private final ProvincialPull pull;
    private final ProvincialWebMapper mapper;

    ProvincialController(ProvincialPull pull, ProvincialWebMapper mapper) {
        this.pull = pull;
        this.mapper = mapper;
    }

    @GetMapping("/api/medical-insurance/provincial/status")
    ProvincialViews.StatusView status() {
        Jurisdiction jurisdiction = Jurisdiction.current();
        ProvincialPull.Status all = pull.status();
        return mapper.toView(new ProvincialPull.Status(all.enabled(), all.breakerState(),
                all.counties().stream().filter(c -> jurisdiction.covers(c.county())).toList()));
    }

    @PostMapping("/api/medical-insurance/provincial/pulls")
    ProvincialViews.PullResultView pullNow(@RequestParam String county) {
        if (!pull.enabled()) {
            throw new RuleViolationException("未配置省级平台", "本环境没有配置省级医保平台地址，无法拉取。");
        }
        if (!pull.counties().contains(county) || !Jurisdiction.current().covers(county)) {
            throw new NotFoundException("该县区不在拉取范围内。");
        }
        return mapper.toView(pull.pull(county));
    }
}
