/**
 * The deploy pipeline: a state machine per deployment (queued, building, starting, healthy, live, or failed or
 * superseded) with timed steps, the zero-downtime cutover, rollback by image, failures explained in plain words, and
 * the events other modules follow.
 */
package dev.dropdeploy.deploy;
