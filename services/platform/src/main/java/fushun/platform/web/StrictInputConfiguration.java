package fushun.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hostile input is refused at the door of every service: {@link StrictJson} for bodies,
 * {@link RequestParameterGuard} for parameters and path variables; both answered as 400 problems by
 * {@link ProblemDetailsAdvice}.
 */
@Configuration(proxyBeanMethods = false)
public class StrictInputConfiguration implements WebMvcConfigurer {

    @Bean
    static JsonMapperBuilderCustomizer platformStrictJson() {
        return new StrictJson();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestParameterGuard());
    }
}
