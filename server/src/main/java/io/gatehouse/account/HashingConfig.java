package io.gatehouse.account;

import java.util.Map;

import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The hashing queue and the application's password encoder ({@link HashingLane#OTHER});
 * every refused hash leaves a {@code hashing.overloaded} audit event.
 */
@Configuration(proxyBeanMethods = false)
class HashingConfig {

	@Bean
	HashingQueue hashingQueue(HashingProperties properties, AuditLog audit) {
		return new HashingQueue(properties, (lane, reason) -> {
			Map<String, String> details = Map.of("lane", lane.label(), "reason", reason);
			// The refusal happens on the request's own thread, so its request is at hand.
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
				audit.record(AuditEventType.HASHING_OVERLOADED, request.getRequest(), null, null, details);
			}
			else {
				audit.record(AuditEventType.HASHING_OVERLOADED, null, null, details);
			}
		});
	}

	@Bean
	BoundedPasswordEncoder passwordEncoder(HashingQueue queue) {
		return new BoundedPasswordEncoder(PasswordHashing.argon2id(), queue, HashingLane.OTHER);
	}

}
