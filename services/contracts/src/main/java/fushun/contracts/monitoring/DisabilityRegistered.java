package fushun.contracts.monitoring;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 残联's disability register, imported by monitoring as a department feed (ADR 0040), lists a member of
 * a registered household with a disability grade. Only fixed words and ids: the person is identified by
 * {@code personId} and the keyed {@code personRef} (as in {@link HouseholdRegistered.Member}), never by
 * the ID number; the grade itself stays in the register. Keyed by the household id on
 * {@code monitoring.household.v1}, so it stays in order with the household's own events.
 *
 * @param severe       重度残疾 (grade 一级 or 二级)
 * @param registeredOn the date the register describes (the file's date)
 */
public record DisabilityRegistered(
        UUID householdId,
        UUID personId,
        String personRef,
        boolean severe,
        LocalDate registeredOn) {
}
