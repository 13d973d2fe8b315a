package uk.nhs.safety.campaign.rest.internal.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class RestSettingsSourceTest {

    private static RestConfig config(String trustedProxies) {
        return new RestConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RestConfig.class;
            }

            @Override
            public long maxJsonBytes() {
                return 1024;
            }

            @Override
            public long maxCsvBytes() {
                return 2048;
            }

            @Override
            public int anonymousMaxAgeSeconds() {
                return 60;
            }

            @Override
            public String trustedProxies() {
                return trustedProxies;
            }
        };
    }

    @Test
    void trustedProxiesAreAListOfAddresses() {
        assertThat(RestSettingsSource.settings(config(" 10.0.0.5, fd00::7 ,")).trustedProxies())
                .containsExactlyInAnyOrder("10.0.0.5", "fd00::7");
        assertThat(RestSettingsSource.settings(config("")).trustedProxies()).isEmpty();
    }

    @Test
    void aProxyThatIsNotAnAddressIsRefusedNamingIt() {
        assertThatThrownBy(() -> RestSettingsSource.settings(config("10.0.0.5, balancer.local")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uk.nhs.safety.campaign.rest trustedProxies: 'balancer.local' is not an IP address");
    }
}
