/**
 * Node.js projects: package manager, front-end builds served as static files (Vite, CRA, Vue CLI, Angular, Next
 * static export) versus real servers (Express, Fastify, Hono, Next SSR, plain http).
 */
package dev.dropdeploy.detect.node;
