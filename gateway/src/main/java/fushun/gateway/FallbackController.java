package fushun.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where an open circuit or a failed call lands: 503 as a problem, never a stack trace. */
@RestController
class FallbackController {

    @RequestMapping("/fallback/unavailable")
    Mono<Void> unavailable(ServerWebExchange exchange) {
        return GatewaySecurity.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "服务暂不可用",
                "该部门服务暂时无法响应，请稍后重试。");
    }
}
