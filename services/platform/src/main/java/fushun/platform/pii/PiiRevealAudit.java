package fushun.platform.pii;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records who saw which personal field of whom, when and why. Call it before showing the value. */
public class PiiRevealAudit {

    private static final Logger log = LoggerFactory.getLogger(PiiRevealAudit.class);

    private final JdbcClient jdbc;

    public PiiRevealAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String subjectType, String subjectId, String field, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reveal needs a reason");
        }
        jdbc.sql("""
                        insert into pii_reveal_audit (actor, subject_type, subject_id, field, reason)
                        values (:actor, :subjectType, :subjectId, :field, :reason)""")
                .param("actor", actor).param("subjectType", subjectType).param("subjectId", subjectId)
                .param("field", field).param("reason", reason)
                .update();
        log.info("PII reveal: {} saw {} of {} {}", actor, field, subjectType, subjectId);
    }

    public long countFor(String subjectType, String subjectId) {
        return jdbc.sql("select count(*) from pii_reveal_audit where subject_type = :t and subject_id = :id")
                .param("t", subjectType).param("id", subjectId).query(Long.class).single();
    }
}
