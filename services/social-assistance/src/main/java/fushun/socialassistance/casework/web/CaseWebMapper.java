package fushun.socialassistance.casework.web;

import fushun.socialassistance.casework.AssistanceCase;
import fushun.socialassistance.household.HouseholdRoster;
import java.util.Arrays;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring")
interface CaseWebMapper {

    /** Every other property has the same name on the case; the head's name comes from the roster. */
    @Mapping(target = "caseId", source = "assistanceCase.id")
    CaseResponses.CaseSummary toSummary(AssistanceCase assistanceCase, String headName);

    @Mapping(target = "caseId", source = "assistanceCase.id")
    CaseResponses.CaseDetail toDetail(AssistanceCase assistanceCase, HouseholdRoster.RosterHousehold household);

    CaseResponses.Household toHousehold(HouseholdRoster.RosterHousehold household);

    default List<String> riskTypes(String commaSeparated) {
        return Arrays.asList(commaSeparated.split(","));
    }
}
