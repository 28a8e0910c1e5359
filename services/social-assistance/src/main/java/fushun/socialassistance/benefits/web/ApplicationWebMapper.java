package fushun.socialassistance.benefits.web;

import fushun.socialassistance.benefits.NewApplication;
import fushun.socialassistance.dibao.DibaoIncome;
import fushun.socialassistance.eligibility.SupportAssessment;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Request records to the workflow's own records; every property has the same name on both sides. */
@Mapper(componentModel = "spring")
interface ApplicationWebMapper {

    NewApplication toNewApplication(ApplicationRequests.Submit request);

    DibaoIncome.Declaration toDeclaration(ApplicationRequests.Declaration declaration);

    @Mapping(target = "ownBasicPension", defaultValue = "0")
    SupportAssessment.MemberFacts toFacts(ApplicationRequests.Member member);
}
