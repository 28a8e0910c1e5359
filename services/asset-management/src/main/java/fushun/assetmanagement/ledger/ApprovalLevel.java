package fushun.assetmanagement.ledger;

import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import java.util.Optional;

/**
 * Who may decide an asset change (防止资产流失). Every kind of change — a transfer, a change of
 * ownership, a disposal — needs an approval a level above the requester: a village's request is
 * decided by its township or county, a township's by its county, and a county's by the city; never
 * by a neighbouring division, never at the requester's own level, never by the requester. Pure.
 */
public final class ApprovalLevel {

    static final SeparationOfDuties.Matter CHANGE = new SeparationOfDuties.Matter("该资产变更申请",
            "this asset change request");

    /**
     * Why the caller may not decide: a title and detail for the 403, and the shorter words of the
     * asset's audit trail.
     */
    public record Refusal(String title, String detail, String audit) {
    }

    private ApprovalLevel() {
    }

    /**
     * @param requestedBy        who requested the change
     * @param requesterDivision  the division the requester worked in
     * @param by                 who decides
     * @param decider            the decider's jurisdiction
     */
    public static Optional<Refusal> refusal(String requestedBy, String requesterDivision, String by, Jurisdiction decider) {
        var ownRequest = SeparationOfDuties.refusal(SeparationOfDuties.Step.APPROVE, by, CHANGE,
                new SeparationOfDuties.Taken(SeparationOfDuties.Step.SUBMIT, requestedBy));
        if (ownRequest.isPresent()) {
            return Optional.of(new Refusal(ownRequest.get().title(), ownRequest.get().detail(), "审批人不能是申请人本人"));
        }
        if (!higher(decider, requesterDivision)) {
            return Optional.of(new Refusal("无权审批", "资产变更须由申请人所在层级的上一级审批。"
                    + "An asset change is approved only a level above the requester's division.", "审批人须为申请人的上级"));
        }
        return Optional.empty();
    }

    /** Whether the decider's division covers the requester's and is a higher level (a shorter prefix). */
    static boolean higher(Jurisdiction decider, String requesterDivision) {
        return decider.divisionCode() != null && decider.covers(requesterDivision)
                && decider.prefix().length() < Jurisdiction.of(requesterDivision).prefix().length();
    }
}
