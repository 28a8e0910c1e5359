package fushun.assetmanagement.ledger;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset ledger: every poverty-alleviation project asset of the caller's division, registered
 * with its type, value, owner (by default the village collective) and maintainer. Its changes are
 * {@link AssetChanges}; every step is in its {@link AuditTrail}.
 */
@Service
public class AssetLedger {

    public record Asset(UUID id, String divisionCode, String name, String assetType, String project, BigDecimal value,
                        String owner, String maintainer, String status) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public AssetLedger(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Asset register(String village, String name, String type, String project, BigDecimal value, String owner,
                          String maintainer, String by, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(village)) {
            throw new NotFoundException("该村不在您的管辖范围内。");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into asset (id, division_code, name, asset_type, project, value, owner, maintainer, status, created_by)
                        values (:id, :d, :name, :type, :project, :value, :owner, :maintainer, 'IN_USE', :by)""")
                .param("id", id).param("d", village).param("name", name).param("type", type).param("project", project)
                .param("value", value).param("owner", owner == null || owner.isBlank() ? "村集体" : owner)
                .param("maintainer", maintainer).param("by", by).update();
        audit.done(id, "REGISTER", by, jurisdiction, "登记资产：" + name);
        return find(id, jurisdiction);
    }

    public Asset find(UUID assetId, Jurisdiction jurisdiction) {
        return jdbc.sql("select * from asset where id = :id and division_code like :scope")
                .param("id", assetId).param("scope", jurisdiction.likePattern()).query(Asset.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该资产。"));
    }

    /** The assets in the caller's division, by village and then in the order they were registered. */
    public Page<Asset> list(Jurisdiction jurisdiction, int page, int size) {
        long total = jdbc.sql("select count(*) from asset where division_code like :scope")
                .param("scope", jurisdiction.likePattern()).query(Long.class).single();
        List<Asset> items = jdbc.sql("""
                        select * from asset where division_code like :scope
                        order by division_code, created_at, id limit :size offset :offset""")
                .param("scope", jurisdiction.likePattern()).param("size", size).param("offset", (long) page * size)
                .query(Asset.class).list();
        return new Page<>(items, page, size, total);
    }

    /** The village's operating assets (经营性资产), whose income the village distributes: their ids, in one query. */
    public List<UUID> operatingAssetsOf(String village) {
        return jdbc.sql("select id from asset where division_code = :v and asset_type = 'OPERATING'")
                .param("v", village).query(UUID.class).list();
    }

    Asset locked(UUID assetId, Jurisdiction jurisdiction) {
        return jdbc.sql("select * from asset where id = :id and division_code like :scope for update")
                .param("id", assetId).param("scope", jurisdiction.likePattern()).query(Asset.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该资产。"));
    }
}
