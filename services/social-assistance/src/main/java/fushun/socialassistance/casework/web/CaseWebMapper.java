package fushun.socialassistance.casework.web;

import fushun.socialassistance.casework.AssistanceCase;
import fushun.socialassistance.household.HouseholdRoster;
import java.util.Arrays;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring")
interface CaseWebMapper {

    @Mapping(target = "caseId", source = "assistanceCase.id")
    @Mapping(target = "householdId", source = "assistanceCase.householdId")
    @Mapping(target = "divisionCode", source = "assistanceCase.divisionCode")
    @Mapping(target = "riskTypes", source = "assistanceCase.riskTypes")
    @Mapping(target = "status", source = "assistanceCase.status")
    @Mapping(target = "dueDate", source = "assistanceCase.dueDate")
    @Mapping(target = "openedAt", source = "assistanceCase.openedAt")
    CaseResponses.CaseSummary toSummary(AssistanceCase assistanceCase, String headName);

    @Mapping(target = "caseId", source = "assistanceCase.id")
    @Mapping(target = "householdId", source = "assistanceCase.householdId")
    @Mapping(target = "alertId", source = "assistanceCase.alertId")
    @Mapping(target = "divisionCode", source = "assistanceCase.divisionCode")
    @Mapping(target = "riskTypes", source = "assistanceCase.riskTypes")
    @Mapping(target = "explanation", source = "assistanceCase.explanation")
    @Mapping(target = "status", source = "assistanceCase.status")
    @Mapping(target = "dueDate", source = "assistanceCase.dueDate")
    @Mapping(target = "openedAt", source = "assistanceCase.openedAt")
    CaseResponses.CaseDetail toDetail(AssistanceCase assistanceCase, HouseholdRoster.RosterHousehold household);

    CaseResponses.Household toHousehold(HouseholdRoster.RosterHousehold household);

    default List<String> riskTypes(String commaSeparated) {
        return Arrays.asList(commaSeparated.split(","));
    }
}
