package io.gatehouse.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link SessionHousekeeping} on its interval, on Boot's task scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HousekeepingSchedule {

}
