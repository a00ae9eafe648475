/**
 * Node.js projects: package manager, workspaces, front-end builds and site generators served as static files (Vite,
 * CRA, Vue CLI, Angular, Next static export, Astro, Eleventy, Gatsby, Docusaurus, VitePress) versus servers (Express,
 * Fastify, Hono, plain http) and server-rendering frameworks (Next, Nuxt, SvelteKit, Remix, React Router, Astro's node
 * adapter, TanStack Start).
 */
package dev.dropdeploy.detect.node;
