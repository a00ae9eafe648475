package dev.dropdeploy;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One scheduler for DropDeploy's periodic upkeep (watchdog, storage watch, pruning, temporary files); Spring Boot
 * configures it and shuts it down with the application.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
