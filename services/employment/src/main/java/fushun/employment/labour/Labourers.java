package fushun.employment.labour;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People as human resources and social security sees them: labourers per household (full or partial
 * capacity), their employment status and training. A job lost is an income-drop signal to monitoring.
 * Who they are and which household they belong to come from the registry ({@link HouseholdUpdates}).
 */
@Service
public class Labourers {

    /** {@code memberStatus} LEFT: the person left the household on {@code leftOn}; kept with their history. */
    public record Person(UUID personId, UUID householdId, String divisionCode, String name, String maskedIdNumber,
                         String labourCapacity, String employmentStatus, LocalDate statusSince, String memberStatus,
                         LocalDate leftOn) {
    }

    public record Training(UUID id, String course, int hours, LocalDate completedOn) {
    }

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    public Labourers(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The household's people within the caller's division; labourers first. */
    public List<Person> ofHousehold(UUID householdId, Jurisdiction jurisdiction) {
        List<Person> people = jdbc.sql("""
                        select person_id, household_id, division_code, name, masked_id_number, labour_capacity,
                               employment_status, status_since, member_status, left_on
                        from person where household_id = :h and division_code like :scope
                        order by member_status = 'ACTIVE' desc, labour_capacity = 'FULL' desc,
                                 labour_capacity = 'PARTIAL' desc, name""")
                .param("h", householdId).param("scope", jurisdiction.likePattern()).query(Person.class).list();
        if (people.isEmpty()) {
            throw new NotFoundException("没有找到该农户，或农户信息尚未同步到人社系统。");
        }
        return people;
    }

    public Person find(UUID personId, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select person_id, household_id, division_code, name, masked_id_number, labour_capacity,
                               employment_status, status_since, member_status, left_on
                        from person where person_id = :p and division_code like :scope""")
                .param("p", personId).param("scope", jurisdiction.likePattern()).query(Person.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该人员。"));
    }

    /**
     * Records the employment status. A labourer who was employed and lost the job is an income drop:
     * signalled to monitoring (务工就业不稳), once per change.
     */
    @Transactional
    public Person setStatus(UUID personId, String status, LocalDate since, Jurisdiction jurisdiction) {
        Person person = jdbc.sql("""
                        select person_id, household_id, division_code, name, masked_id_number, labour_capacity,
                               employment_status, status_since, member_status, left_on
                        from person where person_id = :p and division_code like :scope for update""")
                .param("p", personId).param("scope", jurisdiction.likePattern()).query(Person.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该人员。"));
        jdbc.sql("update person set employment_status = :s, status_since = :since, updated_at = now() where person_id = :p")
                .param("s", status).param("since", since).param("p", personId).update();
        if (status.equals("LOST_JOB") && !person.employmentStatus().equals("LOST_JOB")) {
            outbox.append(Topics.EMPLOYMENT_SIGNAL, person.householdId().toString(), person.divisionCode(),
                    new RiskSignalObserved(UUID.randomUUID(), person.householdId(), Bureau.HUMAN_RESOURCES,
                            RiskType.UNSTABLE_EMPLOYMENT, "家庭成员失业（" + since + " 起），务工收入中断",
                            Map.of(), null, clock.instant()));
        }
        return find(personId, jurisdiction);
    }

    @Transactional
    public Training addTraining(UUID personId, String course, int hours, LocalDate completedOn, String by,
                                Jurisdiction jurisdiction) {
        find(personId, jurisdiction);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into training (id, person_id, course, hours, completed_on, recorded_by)
                        values (:id, :p, :course, :hours, :on, :by)""")
                .param("id", id).param("p", personId).param("course", course).param("hours", hours)
                .param("on", completedOn).param("by", by).update();
        return new Training(id, course, hours, completedOn);
    }

    public List<Training> trainings(UUID personId, Jurisdiction jurisdiction) {
        find(personId, jurisdiction);
        return jdbc.sql("select id, course, hours, completed_on from training where person_id = :p order by completed_on")
                .param("p", personId).query(Training.class).list();
    }
}
