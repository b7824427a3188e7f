package io.gatehouse.audit;

import java.time.Clock;

import io.gatehouse.request.ClientAddressResolver;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfig {

	@Bean
	AuditLog auditLog(Clock clock, ClientAddressResolver addresses, JsonMapper json, MeterRegistry meters) {
		return new AuditLog(clock, addresses, json, meters);
	}

}
