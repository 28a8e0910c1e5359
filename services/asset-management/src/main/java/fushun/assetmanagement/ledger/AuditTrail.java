package fushun.assetmanagement.ledger;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each asset's audit trail: every step taken on it, and every refused attempt (written by
 * {@link RefusalLog} in a transaction of its own, so the refusal's rollback does not erase it).
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    public record AuditLine(String action, String outcome, String actor, String division, String detail, Instant at) {
    }

    private final JdbcClient jdbc;
    private final RefusalLog refusals;

    AuditTrail(JdbcClient jdbc, RefusalLog refusals) {
        this.jdbc = jdbc;
        this.refusals = refusals;
    }

    /** An asset's audit trail, oldest first; refused attempts are in it too, so it has no natural bound. */
    public Page<AuditLine> of(UUID assetId, Jurisdiction jurisdiction, int page, int size) {
        if (jdbc.sql("select count(*) from asset where id = :id and division_code like :scope").param("id", assetId)
                .param("scope", jurisdiction.likePattern()).query(Long.class).single() == 0) {
            throw new NotFoundException("没有找到该资产。");
        }
        long total = jdbc.sql("select count(*) from asset_audit where asset_id = :a").param("a", assetId)
                .query(Long.class).single();
        List<AuditLine> items = jdbc.sql("""
                        select action, outcome, actor, division, detail, at from asset_audit where asset_id = :a
                        order by id limit :size offset :offset""")
                .param("a", assetId).param("size", size).param("offset", (long) page * size).query(AuditLine.class).list();
        return new Page<>(items, page, size, total);
    }

    void done(UUID assetId, String action, String by, Jurisdiction jurisdiction, String detail) {
        jdbc.sql("""
                        insert into asset_audit (asset_id, action, outcome, actor, division, detail)
                        values (:a, :action, 'DONE', :by, :division, :detail)""")
                .param("a", assetId).param("action", action).param("by", by)
                .param("division", jurisdiction.divisionCode()).param("detail", detail).update();
    }

    /** A refused attempt: audited in its own transaction. */
    void refused(UUID assetId, String action, String by, Jurisdiction jurisdiction, String detail) {
        log.warn("Refused asset action {} on {}: {}", action, assetId, detail);
        refusals.record(assetId, action, by, jurisdiction.divisionCode(), detail);
    }
}
