package fushun.socialassistance.benefits;

import fushun.socialassistance.dibao.DibaoIncome;
import fushun.socialassistance.eligibility.SupportAssessment;
import java.util.List;
import java.util.UUID;

/**
 * An application as the operator takes it down.
 *
 * @param caseId         the case it answers, or null for a walk-in (来访申请)
 * @param coveredPersons for dibao, empty for the whole household or the members included on their
 *                       own (单人保); for 特困 exactly one person
 * @param declaration    the household's yearly income and rigid spending
 * @param members        every member's labour capacity and own yearly income, as established
 */
public record NewApplication(UUID householdId, UUID caseId, Programme programme, List<UUID> coveredPersons,
                             DibaoIncome.Declaration declaration, List<SupportAssessment.MemberFacts> members) {
}
