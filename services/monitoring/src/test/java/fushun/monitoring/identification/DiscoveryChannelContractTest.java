package fushun.monitoring.identification;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.monitoring.HouseholdMonitored;
import fushun.monitoring.discovery.Channel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** HouseholdMonitored names the channel by monitoring's own names: a channel renamed or added on one side fails here. */
class DiscoveryChannelContractTest {

    @Test
    void shouldPublishEveryDiscoveryChannelUnderTheContractsName() {
        assertThat(Arrays.stream(Channel.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(HouseholdMonitored.DiscoveryChannel.values()).map(Enum::name).toList());
    }
}
