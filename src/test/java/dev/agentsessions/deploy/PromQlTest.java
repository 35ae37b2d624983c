package dev.agentsessions.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricsOfARatioOfRates() {
        assertEquals(Set.of("http_server_requests_seconds_count"), PromQl.metricNames("""
                sum(rate(http_server_requests_seconds_count{job="a", status=~"5.."}[5m]))
                  / sum(rate(http_server_requests_seconds_count{job="a"}[5m])) > 0.05"""));
    }

    @Test
    void skipsFunctionsLabelListsNumbersAndGrafanaVariables() {
        assertEquals(Set.of("agent_sessions_backend_latency_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.99, sum by (le, backend) "
                        + "(rate(agent_sessions_backend_latency_seconds_bucket{job=\"x\", le=~\"1e3|inf\"}[$__rate_interval])))"));
        assertEquals(Set.of("up"), PromQl.metricNames("sum(up) without (instance) offset 5m"));
    }

    @Test
    void findsEveryOperandOfABinaryExpression() {
        assertEquals(Set.of("agroal_active_count", "agroal_available_count", "process_cpu_usage"), PromQl.metricNames(
                "agroal_active_count / on (pod) group_left agroal_available_count and process_cpu_usage > bool 1"));
    }
}
