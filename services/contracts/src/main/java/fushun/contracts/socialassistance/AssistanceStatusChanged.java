package fushun.contracts.socialassistance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Civil affairs changed someone's assistance status: dibao granted or stopped, 特困 support granted
 * or stopped, temporary aid paid. Medical insurance (premium subsidies, tilted cover), employment
 * (pension premiums paid on behalf) and housing safety (who is low-income) key their own decisions on it.
 *
 * @param persons       who the status is about: for dibao the covered members (the whole household,
 *                      or one member included on their own, 单人保), for 特困 the supported person
 * @param amount        the monthly benefit for DIBAO and TEKUN, the sum paid for TEMPORARY_AID
 * @param effectiveFrom for GRANTED the first day of the first paid month, for STOPPED the first day
 *                      of the first month without payment, for PAID the day of payment
 */
public record AssistanceStatusChanged(
        UUID changeId,
        UUID householdId,
        String divisionCode,
        Programme programme,
        Status status,
        List<Person> persons,
        BigDecimal amount,
        LocalDate effectiveFrom,
        String reason,
        Instant recordedAt) {

    public enum Programme {
        /** 最低生活保障 */
        DIBAO,
        /** 特困人员救助供养 */
        TEKUN,
        /** 临时救助 */
        TEMPORARY_AID
    }

    public enum Status {
        GRANTED, STOPPED, PAID
    }

    /** A covered person: the registry's person id and the keyed hash other bureaus match on. */
    public record Person(UUID personId, String personRef) {
    }
}
