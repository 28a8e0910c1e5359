package fushun.platform.testapp;

import fushun.platform.testsupport.TestTokens;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A tiny service that uses the platform as a real service would, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String TOPIC = "platform-test.household.v1";

    @Bean
    JwtDecoder jwtDecoder() {
        return TestTokens.decoder();
    }
}
