package fushun.medicalinsurance.settlement;

import fushun.medicalinsurance.insured.InsuredPersons;
import java.util.List;
import java.util.Objects;

/**
 * A household's members as two parallel SQL arrays, so that one query over the settlement table
 * counts each member's settlements up to the day they left ({@code HouseholdCover.coveredOn}): join
 * {@link #MEMBERS} and keep {@code m.left_on is null or s.settled_on <= m.left_on}.
 */
record HouseholdMembers(String[] personRefs, String[] leftOns) {

    /** The members as a table {@code m(person_ref, left_on)}; bpchar like the column, so its index serves. */
    static final String MEMBERS = "unnest(cast(:refs as bpchar[]), cast(:leftOns as date[])) as m(person_ref, left_on)";

    static HouseholdMembers of(List<InsuredPersons.Member> members) {
        return new HouseholdMembers(members.stream().map(InsuredPersons.Member::personRef).toArray(String[]::new),
                members.stream().map(m -> Objects.toString(m.leftOn(), null)).toArray(String[]::new));
    }

    boolean none() {
        return personRefs.length == 0;
    }
}
