package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.RawSettlement;
import fushun.medicalinsurance.settlement.SettlementFeed;
import fushun.medicalinsurance.settlement.web.SettlementViews.RowProblemView;
import fushun.medicalinsurance.settlement.web.SettlementViews.RowResultView;
import fushun.medicalinsurance.settlement.web.SettlementViews.TiersView;
import java.util.List;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface SettlementWebMapper {

    RawSettlement toRecord(SettlementBatchRequest.Row row);

    List<RawSettlement> toRecords(List<SettlementBatchRequest.Row> rows);

    RowResultView toView(SettlementFeed.RowResult row);

    List<RowResultView> toViews(List<SettlementFeed.RowResult> rows);

    RowProblemView toView(SettlementFeed.RowProblem problem);

    TiersView toView(SettlementFeed.Tiers tiers);
}
