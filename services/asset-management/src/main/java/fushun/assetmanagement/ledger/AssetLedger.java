package fushun.assetmanagement.ledger;

import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import fushun.platform.web.ForbiddenException;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset ledger and its guarded changes (防止资产流失): a transfer, a change of ownership or a
 * disposal is requested by one person and approved by another of a higher level whose division
 * covers the asset, both recorded; only then can it be carried out. Every attempt, refused ones
 * included, is in the asset's audit trail.
 */
@Service
public class AssetLedger {

    private static final Logger log = LoggerFactory.getLogger(AssetLedger.class);
    private static final SeparationOfDuties.Matter CHANGE = new SeparationOfDuties.Matter("该资产变更申请",
            "this asset change request");

    public record Asset(UUID id, String divisionCode, String name, String assetType, String project, BigDecimal value,
                        String owner, String maintainer, String status) {
    }

    public record Change(UUID id, UUID assetId, String kind, String newOwner, String reason, String status,
                         String requestedBy, String requesterDivision, String decidedBy, String deciderDivision,
                         String decisionReason, Instant decidedAt, Instant executedAt) {
    }

    public record AuditLine(String action, String outcome, String actor, String division, String detail, Instant at) {
    }

    private final JdbcClient jdbc;
    private final RefusalLog refusals;

    public AssetLedger(JdbcClient jdbc, RefusalLog refusals) {
        this.jdbc = jdbc;
        this.refusals = refusals;
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
        audit(id, "REGISTER", "DONE", by, jurisdiction, "登记资产：" + name);
        return find(id, jurisdiction);
    }

    @Transactional
    public Change request(UUID assetId, String kind, String newOwner, String reason, String by, Jurisdiction jurisdiction) {
        Asset asset = locked(assetId, jurisdiction);
        if (!asset.status().equals("IN_USE")) {
            throw new RuleViolationException("资产已处置", "该资产已转移或处置，不能再申请变更。");
        }
        if (!kind.equals("DISPOSAL") && (newOwner == null || newOwner.isBlank())) {
            throw new RuleViolationException("缺少受让方", "转移或变更权属须写明新的所有者。");
        }
        long inFlight = jdbc.sql("select count(*) from asset_change where asset_id = :a and status in ('PENDING', 'APPROVED')")
                .param("a", assetId).query(Long.class).single();
        if (inFlight > 0) {
            throw new RuleViolationException("已有变更在办", "该资产已有一项变更申请尚未办结，请先审批或执行该申请。");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into asset_change (id, asset_id, kind, new_owner, reason, status, requested_by, requester_division)
                        values (:id, :a, :kind, :owner, :reason, 'PENDING', :by, :division)""")
                .param("id", id).param("a", assetId).param("kind", kind).param("owner", newOwner).param("reason", reason)
                .param("by", by).param("division", jurisdiction.divisionCode()).update();
        audit(assetId, "REQUEST_" + kind, "DONE", by, jurisdiction, "申请" + label(kind) + "：" + reason);
        return change(id);
    }

    /**
     * Approves or rejects a pending change. The decider must not be the requester (the platform's
     * separation of duties) and must sit a level above: their division covers the requester's and is
     * shorter (county over township over village). Either refusal is a 403 and is recorded too.
     */
    @Transactional
    public Change decide(UUID changeId, boolean approve, String reason, String by, Jurisdiction jurisdiction) {
        Change change = lockedChange(changeId, jurisdiction);
        if (!change.status().equals("PENDING")) {
            throw new RuleViolationException("已审批", "该申请已经审批。");
        }
        String mine = jurisdiction.divisionCode();
        boolean higher = mine != null && jurisdiction.covers(change.requesterDivision())
                && jurisdiction.prefix().length() < Jurisdiction.of(change.requesterDivision()).prefix().length();
        var ownRequest = SeparationOfDuties.refusal(SeparationOfDuties.Step.APPROVE, by, CHANGE,
                new SeparationOfDuties.Taken(SeparationOfDuties.Step.SUBMIT, change.requestedBy()));
        if (ownRequest.isPresent()) {
            refuse(change.assetId(), "DECIDE", by, jurisdiction, "审批人不能是申请人本人");
            throw new ForbiddenException(ownRequest.get().title(), ownRequest.get().detail());
        }
        if (!higher) {
            refuse(change.assetId(), "DECIDE", by, jurisdiction, "审批人须为申请人的上级");
            throw new ForbiddenException("无权审批", "资产变更须由申请人所在层级的上一级审批。"
                    + "An asset change is approved only a level above the requester's division.");
        }
        jdbc.sql("""
                        update asset_change set status = :status, decided_by = :by, decider_division = :division,
                            decision_reason = :reason, decided_at = now() where id = :id""")
                .param("status", approve ? "APPROVED" : "REJECTED").param("by", by).param("division", mine)
                .param("reason", reason).param("id", changeId).update();
        audit(change.assetId(), approve ? "APPROVE" : "REJECT", "DONE", by, jurisdiction,
                (approve ? "批准" : "不予批准") + label(change.kind()) + "：" + reason);
        return change(changeId);
    }

    /** Carries out an approved change; anything else is refused, and the attempt is logged and audited. */
    @Transactional
    public Asset execute(UUID changeId, String by, Jurisdiction jurisdiction) {
        Change change = lockedChange(changeId, jurisdiction);
        if (!change.status().equals("APPROVED")) {
            refuse(change.assetId(), "EXECUTE_" + change.kind(), by, jurisdiction,
                    "未经批准执行" + label(change.kind()) + "（申请状态 " + change.status() + "）");
            throw new RuleViolationException("未经批准", "资产转移、变更权属或处置须经批准后才能执行。");
        }
        String assetStatus = jdbc.sql("select status from asset where id = :a").param("a", change.assetId())
                .query(String.class).single();
        if (!assetStatus.equals("IN_USE")) {
            refuse(change.assetId(), "EXECUTE_" + change.kind(), by, jurisdiction, "资产已转移或处置，不能再执行变更");
            throw new RuleViolationException("资产已处置", "该资产已转移或处置，不能再执行变更。");
        }
        switch (change.kind()) {
            case "TRANSFER" -> jdbc.sql("update asset set status = 'TRANSFERRED', owner = :o where id = :a")
                    .param("o", change.newOwner()).param("a", change.assetId()).update();
            case "OWNERSHIP_CHANGE" -> jdbc.sql("update asset set owner = :o where id = :a")
                    .param("o", change.newOwner()).param("a", change.assetId()).update();
            default -> jdbc.sql("update asset set status = 'DISPOSED' where id = :a").param("a", change.assetId()).update();
        }
        jdbc.sql("update asset_change set status = 'EXECUTED', executed_at = now() where id = :id").param("id", changeId).update();
        audit(change.assetId(), "EXECUTE_" + change.kind(), "DONE", by, jurisdiction, "执行已批准的" + label(change.kind()));
        return find(change.assetId(), jurisdiction);
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

    /** An asset's audit trail, oldest first; refused attempts are in it too, so it has no natural bound. */
    public Page<AuditLine> audit(UUID assetId, Jurisdiction jurisdiction, int page, int size) {
        find(assetId, jurisdiction);
        long total = jdbc.sql("select count(*) from asset_audit where asset_id = :a").param("a", assetId)
                .query(Long.class).single();
        List<AuditLine> items = jdbc.sql("""
                        select action, outcome, actor, division, detail, at from asset_audit where asset_id = :a
                        order by id limit :size offset :offset""")
                .param("a", assetId).param("size", size).param("offset", (long) page * size).query(AuditLine.class).list();
        return new Page<>(items, page, size, total);
    }

    private Asset locked(UUID assetId, Jurisdiction jurisdiction) {
        return jdbc.sql("select * from asset where id = :id and division_code like :scope for update")
                .param("id", assetId).param("scope", jurisdiction.likePattern()).query(Asset.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该资产。"));
    }

    private Change lockedChange(UUID changeId, Jurisdiction jurisdiction) {
        Change change = jdbc.sql("""
                        select c.* from asset_change c join asset a on a.id = c.asset_id
                        where c.id = :id and a.division_code like :scope for update of c""")
                .param("id", changeId).param("scope", jurisdiction.likePattern()).query(Change.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该变更申请。"));
        jdbc.sql("select 1 from asset where id = :a for update").param("a", change.assetId()).query((rs, n) -> 1).list();
        return change;
    }

    private Change change(UUID id) {
        return jdbc.sql("select * from asset_change where id = :id").param("id", id).query(Change.class).single();
    }

    /** A refused attempt: audited in its own transaction, so the refusal's rollback does not erase it. */
    private void refuse(UUID assetId, String action, String by, Jurisdiction jurisdiction, String detail) {
        log.warn("Refused asset action {} on {}: {}", action, assetId, detail);
        refusals.record(assetId, action, by, jurisdiction.divisionCode(), detail);
    }

    private void audit(UUID assetId, String action, String outcome, String by, Jurisdiction jurisdiction, String detail) {
        jdbc.sql("""
                        insert into asset_audit (asset_id, action, outcome, actor, division, detail)
                        values (:a, :action, :outcome, :by, :division, :detail)""")
                .param("a", assetId).param("action", action).param("outcome", outcome).param("by", by)
                .param("division", jurisdiction.divisionCode()).param("detail", detail).update();
    }

    private static String label(String kind) {
        return switch (kind) {
            case "TRANSFER" -> "资产转移";
            case "OWNERSHIP_CHANGE" -> "权属变更";
            default -> "资产处置";
        };
    }
}
