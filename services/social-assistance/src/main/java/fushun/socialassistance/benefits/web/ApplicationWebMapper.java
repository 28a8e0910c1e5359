package fushun.socialassistance.benefits.web;

import fushun.platform.web.Page;
import fushun.socialassistance.benefits.Applications;
import fushun.socialassistance.benefits.NewApplication;
import fushun.socialassistance.benefits.web.BenefitViews.ApplicationView;
import fushun.socialassistance.benefits.web.BenefitViews.DeclarationView;
import fushun.socialassistance.benefits.web.BenefitViews.DecidedView;
import fushun.socialassistance.benefits.web.BenefitViews.MemberView;
import fushun.socialassistance.dibao.DibaoIncome;
import fushun.socialassistance.eligibility.SupportAssessment;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Request records to the workflow's own records, and its applications to views; every property has
 * the same name on both sides.
 */
@Mapper(componentModel = "spring")
interface ApplicationWebMapper {

    NewApplication toNewApplication(ApplicationRequests.Submit request);

    DibaoIncome.Declaration toDeclaration(ApplicationRequests.Declaration declaration);

    @Mapping(target = "ownBasicPension", defaultValue = "0")
    SupportAssessment.MemberFacts toFacts(ApplicationRequests.Member member);

    ApplicationView toView(Applications.Application application);

    List<ApplicationView> toViews(List<Applications.Application> applications);

    DeclarationView toView(DibaoIncome.Declaration declaration);

    MemberView toView(Applications.Member member);

    DecidedView toView(Applications.Decided determination);

    default Page<ApplicationView> toPage(Page<Applications.Application> page) {
        return new Page<>(toViews(page.items()), page.page(), page.size(), page.total());
    }
}
