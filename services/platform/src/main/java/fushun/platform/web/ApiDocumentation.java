package fushun.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's OpenAPI document, the same way: its Chinese title and the API's version, the
 * gateway as its only server (integrators never call a service directly), Keycloak's OAuth2 flows
 * as the security scheme (Swagger UI can sign in), and the errors every operation can answer as
 * RFC 9457 problems ({@link ProblemDetailsAdvice}, the gateway's 401/403/413/429). Summaries,
 * descriptions, tags, success codes and examples are written on each controller by the service
 * that owns it; {@code ApiContract} in the platform's test support checks them with Spectral.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String OAUTH2 = "keycloak";
    static final String BEARER = "bearer";

    /** springdoc's English descriptions of success answers, for an operation that gives none of its own. */
    private static final Map<String, String> DEFAULT_SUCCESS = Map.of(
            "OK", "成功", "Created", "已创建", "Accepted", "已受理，稍后完成", "No Content", "成功，无返回内容");

    /** The errors an operation may answer, with the conditions under which it can. */
    private enum ErrorAnswer {
        BAD_REQUEST("400", "请求无效：字段或参数不符合要求，errors 中逐项列出"),
        UNAUTHORIZED("401", "未登录：缺少访问令牌，或令牌已过期、签名或签发者不对"),
        FORBIDDEN("403", "无权访问：当前用户的角色或辖区不允许此操作"),
        NOT_FOUND("404", "未找到：路径中的记录不存在，或不在当前用户的辖区内"),
        CONFLICT("409", "记录冲突：记录已存在、状态已变化，或正被他人同时修改"),
        TOO_LARGE("413", "请求体过大：超过网关允许的大小"),
        RULE_VIOLATION("422", "不符合业务规则：请求格式正确，但政策或流程不允许（detail 说明原因）"),
        TOO_MANY("429", "请求过于频繁：超过网关的限流，请按 Retry-After 稍后重试");

        final String code;
        final String description;

        ErrorAnswer(String code, String description) {
            this.code = code;
            this.description = description;
        }

        boolean appliesTo(String path, PathItem.HttpMethod method, Operation operation) {
            boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
            // an operation open to anyone (security: []) answers no 401 or 403
            boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            return switch (this) {
                case UNAUTHORIZED, FORBIDDEN -> !open;
                case NOT_FOUND -> path.contains("{");
                case CONFLICT, RULE_VIOLATION -> writes;
                case TOO_LARGE -> operation.getRequestBody() != null;
                default -> true;
            };
        }
    }

    @Bean
    OpenAPI platformOpenApi(@Value("${platform.api.title}") String title,
                            @Value("${platform.api.description}") String description,
                            @Value("${platform.api.version}") String version,
                            @Value("${platform.api.server-url}") String serverUrl,
                            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        String openIdConnect = issuer + "/protocol/openid-connect";
        OAuthFlows flows = new OAuthFlows()
                .authorizationCode(new OAuthFlow()
                        .authorizationUrl(openIdConnect + "/auth")
                        .tokenUrl(openIdConnect + "/token")
                        .refreshUrl(openIdConnect + "/token")
                        .scopes(new Scopes().addString("openid", "登录身份（角色与辖区随令牌签发）")))
                .clientCredentials(new OAuthFlow()
                        .tokenUrl(openIdConnect + "/token")
                        .scopes(new Scopes()));
        return new OpenAPI()
                .info(new Info().title(title).description(description).version(version)
                        .contact(new Contact().name("抚顺市防止返贫动态监测和帮扶平台").url(serverUrl + "/"))
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .servers(List.of(new Server().url(serverUrl).description("平台网关（所有接口只经网关访问）")))
                .components(new Components()
                        .addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Keycloak 签发的访问令牌：工作人员以授权码方式登录，对接系统（如医保）以客户端凭证方式取得")
                                .flows(flows))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("已取得的 Keycloak 访问令牌，放在 Authorization: Bearer 头中")))
                .security(List.of(new SecurityRequirement().addList(OAUTH2), new SecurityRequirement().addList(BEARER)));
    }

    /** The error answers (and their Problem schema), added to every operation that does not document its own. */
    @Bean
    OpenApiCustomizer platformErrorAnswers() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                Map<String, ApiResponse> ordered = new TreeMap<>(responses);
                ordered.forEach((code, response) -> {
                    String chinese = DEFAULT_SUCCESS.get(response.getDescription());
                    if (chinese != null) {
                        response.setDescription(chinese);
                    }
                });
                for (ErrorAnswer answer : ErrorAnswer.values()) {
                    if (answer.appliesTo(path, method, operation)) {
                        ordered.putIfAbsent(answer.code, problemResponse(answer.description));
                    }
                }
                ApiResponses sorted = new ApiResponses();
                ordered.forEach(sorted::addApiResponse);
                operation.setResponses(sorted);
            }));
        };
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri-reference").description("问题类型，未分类时为 about:blank"));
        properties.put("title", new StringSchema().description("简短的中文标题，例如 请求无效"));
        properties.put("status", new IntegerSchema().description("HTTP 状态码"));
        properties.put("detail", new StringSchema().description("面向操作人员的中文说明"));
        properties.put("instance", new StringSchema().format("uri-reference").description("出错的请求路径"));
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("字段或参数名，例如 members[2].idNumber"));
        fieldError.addProperty("message", new StringSchema().description("该字段的问题"));
        properties.put("errors", new ArraySchema().items(fieldError).description("逐个字段的问题（仅请求无效时）"));
        // a plain object schema: ObjectSchema would write its example as a string
        Schema<Object> problem = new Schema<>();
        problem.type("object");
        problem.setProperties(properties);
        problem.description("RFC 9457 问题详情：所有错误都以此格式返回，不含堆栈或个人信息")
                .example(new java.util.TreeMap<>(Map.of("type", "about:blank", "title", "请求无效", "status", 400,
                        "detail", "请求内容不符合要求，请按字段提示修改。", "instance", "/api/monitoring/households",
                        "errors", List.of(Map.of("field", "members[0].idNumber", "message", "身份证号校验位不正确")))));
        return problem;
    }
}
