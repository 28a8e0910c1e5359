package fushun.medicalinsurance.premium.web;

import fushun.medicalinsurance.premium.PremiumSubsidies;
import fushun.platform.export.XlsxRoster;
import fushun.platform.security.Jurisdiction;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The premium-subsidy roster per county and year, for the medical-insurance bureau and analysts. */
@RestController
@PreAuthorize("hasAnyRole('medical-insurance-officer', 'analyst')")
class PremiumSubsidyController {

    private final PremiumSubsidies subsidies;
    private final PremiumWebMapper mapper;

    PremiumSubsidyController(PremiumSubsidies subsidies, PremiumWebMapper mapper) {
        this.subsidies = subsidies;
        this.mapper = mapper;
    }

    /** A page of the county's roster, with the count and amount of the whole roster. */
    @GetMapping("/api/medical-insurance/premium-subsidies")
    PremiumViews.RosterView roster(
            @RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
            @RequestParam @Min(value = 2021, message = "年份不能早于2021年") @Max(value = 2100, message = "年份无效") int year,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return mapper.toView(subsidies.roster(county, year, Jurisdiction.current(), page, size));
    }

    /**
     * The whole roster as an .xlsx file (参保资助名单), built before anything is sent, so a failure
     * answers as a problem, not half a file.
     */
    @GetMapping("/api/medical-insurance/premium-subsidies.xlsx")
    void export(@RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
                @RequestParam @Min(value = 2021, message = "年份不能早于2021年") @Max(value = 2100, message = "年份无效") int year,
                HttpServletResponse response) throws IOException {
        try (XlsxRoster roster = subsidies.xlsx(county, year, Jurisdiction.current())) {
            roster.writeTo(XlsxRoster.download(response, "premium-subsidies-" + county + "-" + year + ".xlsx"));
        }
    }
}
