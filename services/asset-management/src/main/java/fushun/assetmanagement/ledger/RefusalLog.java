package fushun.assetmanagement.ledger;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Refused attempts on assets, written in a transaction of their own: kept although the request fails. */
@Service
class RefusalLog {

    private final JdbcClient jdbc;

    RefusalLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(UUID assetId, String action, String by, String division, String detail) {
        jdbc.sql("""
                        insert into asset_audit (asset_id, action, outcome, actor, division, detail)
                        values (:a, :action, 'REFUSED', :by, :division, :detail)""")
                .param("a", assetId).param("action", action).param("by", by).param("division", division)
                .param("detail", detail).update();
    }
}
