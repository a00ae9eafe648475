/**
 * Sleeping apps: when an app has had no request for its idle time (per project, else {@code
 * dropdeploy.sleep.default-idle}; off unless set) {@link dev.dropdeploy.sleep.Sleeper} asks the deploy module to put it
 * to sleep, and the waker ({@code /internal/waker}, which Traefik's low-priority router sends a sleeping project's
 * hosts to) wakes it on the first request. The deploy module does the stopping and starting; this module decides when.
 */
package dev.dropdeploy.sleep;
