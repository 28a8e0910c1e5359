package fushun.assetmanagement.ledger;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.ForbiddenException;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An asset's guarded changes (防止资产流失): a transfer, a change of ownership or a disposal is
 * requested by one person and approved by another of a higher level whose division covers the asset
 * ({@link ApprovalLevel}), both recorded; only then can it be carried out. Every attempt, refused
 * ones included, is in the asset's {@link AuditTrail}.
 */
@Service
public class AssetChanges {

    public record Change(UUID id, UUID assetId, String kind, String newOwner, String reason, String status,
                         String requestedBy, String requesterDivision, String decidedBy, String deciderDivision,
                         String decisionReason, Instant decidedAt, Instant executedAt) {
    }

    private final JdbcClient jdbc;
    private final AssetLedger ledger;
    private final AuditTrail trail;

    AssetChanges(JdbcClient jdbc, AssetLedger ledger, AuditTrail trail) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.trail = trail;
    }

    @Transactional
    public Change request(UUID assetId, String kind, String newOwner, String reason, String by, Jurisdiction jurisdiction) {
        AssetLedger.Asset asset = ledger.locked(assetId, jurisdiction);
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
        trail.done(assetId, "REQUEST_" + kind, by, jurisdiction, "申请" + label(kind) + "：" + reason);
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
        var refusal = ApprovalLevel.refusal(change.requestedBy(), change.requesterDivision(), by, jurisdiction);
        if (refusal.isPresent()) {
            trail.refused(change.assetId(), "DECIDE", by, jurisdiction, refusal.get().audit());
            throw new ForbiddenException(refusal.get().title(), refusal.get().detail());
        }
        jdbc.sql("""
                        update asset_change set status = :status, decided_by = :by, decider_division = :division,
                            decision_reason = :reason, decided_at = now() where id = :id""")
                .param("status", approve ? "APPROVED" : "REJECTED").param("by", by).param("division", mine)
                .param("reason", reason).param("id", changeId).update();
        trail.done(change.assetId(), approve ? "APPROVE" : "REJECT", by, jurisdiction,
                (approve ? "批准" : "不予批准") + label(change.kind()) + "：" + reason);
        return change(changeId);
    }

    /** Carries out an approved change; anything else is refused, and the attempt is logged and audited. */
    @Transactional
    public AssetLedger.Asset execute(UUID changeId, String by, Jurisdiction jurisdiction) {
        Change change = lockedChange(changeId, jurisdiction);
        if (!change.status().equals("APPROVED")) {
            trail.refused(change.assetId(), "EXECUTE_" + change.kind(), by, jurisdiction,
                    "未经批准执行" + label(change.kind()) + "（申请状态 " + change.status() + "）");
            throw new RuleViolationException("未经批准", "资产转移、变更权属或处置须经批准后才能执行。");
        }
        String assetStatus = jdbc.sql("select status from asset where id = :a").param("a", change.assetId())
                .query(String.class).single();
        if (!assetStatus.equals("IN_USE")) {
            trail.refused(change.assetId(), "EXECUTE_" + change.kind(), by, jurisdiction, "资产已转移或处置，不能再执行变更");
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
        trail.done(change.assetId(), "EXECUTE_" + change.kind(), by, jurisdiction, "执行已批准的" + label(change.kind()));
        return ledger.find(change.assetId(), jurisdiction);
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

    private static String label(String kind) {
        return switch (kind) {
            case "TRANSFER" -> "资产转移";
            case "OWNERSHIP_CHANGE" -> "权属变更";
            default -> "资产处置";
        };
    }
}
