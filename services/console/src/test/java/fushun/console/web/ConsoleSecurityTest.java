package fushun.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.console.readmodel.Dashboards;
import fushun.platform.PlatformProperties;
import fushun.platform.security.PlatformSecurityConfiguration;
import fushun.platform.testsupport.TestTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The console's pages and answers under a strict Content-Security-Policy, and pages that need nothing looser. */
@WebMvcTest(controllers = ConsoleController.class,
        properties = "console.oidc.issuer=https://sso.fushun.example:8443/realms/fushun")
@Import({ConsoleSecurity.class, PlatformSecurityConfiguration.class, ConsoleSecurityTest.Decoder.class})
@EnableConfigurationProperties(PlatformProperties.class)
class ConsoleSecurityTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self' https://sso.fushun.example:8443; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'; object-src 'none'";

    /** import … from './x.js' and import './x.js', at the start of a line. */
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(?:import|export)\\s[^'\"]*?from\\s+'([^']+)'|^\\s*import\\s+'([^']+)'");

    @Autowired MockMvc mvc;
    @MockitoBean Dashboards dashboards;
    @MockitoBean fushun.console.readmodel.FeedGrid feedGrid;

    @TestConfiguration(proxyBeanMethods = false)
    static class Decoder {
        @Bean
        JwtDecoder jwtDecoder() {
            return TestTokens.decoder();
        }
    }

    @Test
    void shouldServeThePageWithTheStrictPolicyAllowingOnlyTheIssuersOrigin() throws Exception {
        expectSecurityHeaders(mvc.perform(get("/index.html")).andExpect(status().isOk()));
        for (String module : modules()) {
            expectSecurityHeaders(mvc.perform(get(module)).andExpect(status().isOk()));
        }
        expectSecurityHeaders(mvc.perform(get("/api/console/public/config")).andExpect(status().isOk()));
    }

    @Test
    void shouldSendTheHeadersWithAProblemWhenTheApiRefuses() throws Exception {
        expectSecurityHeaders(mvc.perform(get("/api/console/dashboard")).andExpect(status().isUnauthorized()));
    }

    @Test
    void shouldNeedNoInlineScriptStyleOrHandlerWhenThePagesAreServed() throws Exception {
        String page = body("/index.html");
        assertThat(page).doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)")
                .doesNotContainPattern("(?i)<style")
                .doesNotContainPattern("(?i)\\sstyle\\s*=")
                .doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
        // the HTML the modules write into the page: no style attribute or handler attribute in its markup
        List<String> modules = modules();
        assertThat(modules).as("the page's modules, from its entry point").contains("/app.js", "/js/html.js",
                "/js/auth.js", "/js/api.js", "/js/views/dashboard.js", "/js/views/workbench.js", "/js/views/case.js",
                "/js/views/tasks.js", "/js/views/household.js", "/js/views/public.js");
        for (String module : modules) {
            assertThat(body(module)).as(module).doesNotContainPattern("(?i)<[a-z][^>]*\\sstyle\\s*=")
                    .doesNotContainPattern("(?i)<[a-z][^>]*\\son[a-z]+\\s*=")
                    .doesNotContain("eval(").doesNotContain("new Function");
        }
    }

    @Test
    void shouldServeEveryModuleAsJavaScriptWhenThePageImportsIt() throws Exception {
        // a browser refuses to run a module served as anything else (and X-Content-Type-Options is nosniff)
        for (String module : modules()) {
            mvc.perform(get(module)).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("text/javascript"));
        }
    }

    /**
     * The modules the page loads: its module script and everything that imports, as the browser
     * resolves them (relative to the importing module).
     */
    private List<String> modules() throws Exception {
        Matcher entry = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"></script>").matcher(body("/index.html"));
        assertThat(entry.find()).as("a module script on the page").isTrue();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(entry.group(1)));
        while (!next.isEmpty()) {
            String module = next.pop();
            if (seen.add(module)) {
                Matcher imports = IMPORT.matcher(body(module));
                while (imports.find()) {
                    String imported = imports.group(1) != null ? imports.group(1) : imports.group(2);
                    next.push(URI.create(module).resolve(imported).toString());
                }
            }
        }
        return List.copyOf(seen);
    }

    private void expectSecurityHeaders(ResultActions result) throws Exception {
        result.andExpect(header().string("Content-Security-Policy", POLICY))
                .andExpect(header().string("Permissions-Policy", ConsoleSecurity.PERMISSIONS_POLICY))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
        assertThat(ConsoleSecurity.PERMISSIONS_POLICY).contains("camera=()", "microphone=()", "geolocation=()",
                "payment=()", "usb=()");
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
