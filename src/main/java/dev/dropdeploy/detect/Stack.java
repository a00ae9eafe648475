package dev.dropdeploy.detect;

/** The family of build and run recipe an app needs; each has one Dockerfile template. */
public enum Stack {
    /** HTML, CSS and JS served as files, no build step. */
    STATIC,
    /**
     * A front-end build (Vite, CRA, Vue CLI, Angular, Next static export) or a static-site generator (Astro, Eleventy,
     * Gatsby, Docusaurus, VitePress) whose output is served as static files.
     */
    SPA,
    /**
     * A Node.js server (Express, Fastify, Hono, plain http), or a server-rendering framework's built server (Next.js,
     * Nuxt, SvelteKit, Remix, React Router, Astro's node adapter, TanStack Start).
     */
    NODE,
    /** A Python app (Flask, FastAPI, Django, Streamlit) or a plain Python script. */
    PYTHON,
    /** Java built by Maven, Gradle or plain javac, run on a JRE. */
    JAVA,
    GO,
    PHP,
    /** The project's own Dockerfile, used as it is. */
    DOCKERFILE,
    /** Nothing deployable was recognised; the report says why and what is accepted. */
    UNKNOWN
}
