package fushun.platform.testapp;

import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.inbox.InboundEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records each household it hears of; a row per application of the effect. */
@Component
class HouseholdListener {
    private final InboundEvents inbound;
    private final JdbcClient jdbc;

    HouseholdListener(InboundEvents inbound, JdbcClient jdbc) {
        this.inbound = inbound;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = PlatformTestApplication.TOPIC, autoStartup = "${test.listener.auto-startup:true}")
    void on(String json) {
        inbound.applyOnce("test-listener", json, HouseholdRegistered.class, event -> {
            if ("FAIL".equals(event.data().headName())) {
                throw new IllegalStateException("effect refused");
            }
            jdbc.sql("insert into applied_effect (household_id) values (:id)")
                    .param("id", event.data().householdId()).update();
        });
    }
}
