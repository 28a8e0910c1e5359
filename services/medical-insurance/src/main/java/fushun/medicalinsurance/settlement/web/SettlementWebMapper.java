package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.RawSettlement;
import java.util.List;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface SettlementWebMapper {

    RawSettlement toRecord(SettlementBatchRequest.Row row);

    List<RawSettlement> toRecords(List<SettlementBatchRequest.Row> rows);
}
