/**
 * Routing: the table of routes from host names to exactly one container each, and Traefik's dynamic configuration
 * rendered from it and served to Traefik's HTTP provider. The table is a projection: it is rebuilt from the deploy
 * module's state at start-up, so losing it loses nothing.
 */
package dev.dropdeploy.routing;
