package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.SettlementRecord;
import java.util.List;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface SettlementWebMapper {

    SettlementRecord toRecord(SettlementBatchRequest.Row row);

    List<SettlementRecord> toRecords(List<SettlementBatchRequest.Row> rows);
}
