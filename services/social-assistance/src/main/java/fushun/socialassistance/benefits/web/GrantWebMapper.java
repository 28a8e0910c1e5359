package fushun.socialassistance.benefits.web;

import fushun.platform.web.Page;
import fushun.socialassistance.benefits.Grants;
import fushun.socialassistance.benefits.Payroll;
import fushun.socialassistance.benefits.web.BenefitViews.CoveredPersonView;
import fushun.socialassistance.benefits.web.BenefitViews.GrantView;
import fushun.socialassistance.benefits.web.BenefitViews.PayrollRunView;
import fushun.socialassistance.benefits.web.BenefitViews.ReviewView;
import fushun.socialassistance.benefits.web.BenefitViews.ScheduledPaymentView;
import java.util.List;
import org.mapstruct.Mapper;

/** Every view's property has the same name as its source's. */
@Mapper(componentModel = "spring")
interface GrantWebMapper {

    GrantView toView(Grants.Grant grant);

    List<GrantView> toGrantViews(List<Grants.Grant> grants);

    List<CoveredPersonView> toCoveredViews(List<Grants.CoveredPerson> covered);

    List<ScheduledPaymentView> toScheduleViews(List<Grants.ScheduledPayment> schedule);

    List<ReviewView> toReviewViews(List<Grants.Review> reviews);

    PayrollRunView toView(Payroll.PayrollRun run);

    default Page<GrantView> toGrantPage(Page<Grants.Grant> page) {
        return new Page<>(toGrantViews(page.items()), page.page(), page.size(), page.total());
    }
}
