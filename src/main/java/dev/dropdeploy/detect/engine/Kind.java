package dev.dropdeploy.detect.engine;

/**
 * Detection precedence, declared in one place: every kind of app an analyzer can propose, strongest first. When a
 * folder could be run in several ways, the kind higher in this table wins; the order of the rows is the order of
 * precedence ({@code KindTest} keeps the scores falling), and the score is what the resolver compares and turns into
 * the report's confidence. To change which kind wins, move or re-score a row here, never a number in an analyzer.
 *
 * <p>The principle: the process that serves HTTP outranks a front-end build, which outranks a helper script; what the
 * author stated (an own Dockerfile, a start script) outranks what is guessed from files. A member folder of a
 * monorepo scores {@link #MEMBER_FACTOR} times its kind, so a root app with a helper folder stays the root app.
 */
public enum Kind {
    /** The project's own Dockerfile: the author's explicit instruction. */
    OWN_DOCKERFILE(0.97),
    /** Spring Boot with a web starter; above other servers so a Boot app that also builds a front end stays Boot. */
    SPRING_BOOT_WEB(0.92),
    /** Code that creates an HTTP server with a known framework (Express, Fastify, Flask, FastAPI, Django, gin). */
    CODED_SERVER(0.90),
    /**
     * A framework whose own command runs the server after the build (Next.js, Nuxt, SvelteKit, Remix, React Router,
     * Astro's node adapter, TanStack Start, Streamlit); just below a hand-written server the start script names.
     */
    FRAMEWORK_SERVER(0.88),
    /** PHP with a document root ({@code public/} or {@code index.php}). */
    PHP_SITE(0.85),
    /** A front-end build or a static-site generator whose output is served as files. */
    STATIC_BUILD(0.80),
    /** A Java main class serving HTTP, built without a build tool. */
    PLAIN_JAVA_SERVER(0.75),
    /** A start script with a server dependency but no entry file to read; a Python script serving HTTP itself. */
    SCRIPTED_SERVER(0.60),
    /** Spring Boot without a web starter (a batch or CLI app). */
    SPRING_BOOT_WITHOUT_WEB(0.60),
    /** An {@code index.html} served as is, no build step. */
    STATIC_SITE(0.55),
    /** A Maven or Gradle build that is not Spring Boot. */
    JAVA_BUILD(0.50),
    /** A start script with no server dependency; PHP files without a document root. */
    START_SCRIPT(0.45),
    /** A single HTML page that is not called index.html. */
    STATIC_PAGE(0.45),
    /** A program that prints or reads input (Node, Python, Go or Java script without a server). */
    SCRIPT(0.40),
    /** An {@code index.html} beside a package.json: probably a build's source page, not the site. */
    STATIC_BESIDE_MANIFEST(0.30),
    /** A package.json that cannot be read: reported so the warning reaches the person. */
    INVALID_MANIFEST(0.30),
    /** A package.json with neither a server nor a front-end framework (a Tailwind or lint helper). */
    BUILD_HELPER(0.25),
    /** A manifest without anything to run (a Go library, a Python manifest without .py files). */
    LIBRARY(0.20);

    /** How much a member folder's proposal counts against the root's. */
    public static final double MEMBER_FACTOR = 0.92;

    /** A monorepo's members worth listing as alternatives score at least this (a Maven build and above). */
    static final double LISTED_MEMBER = 0.5;

    private final double score;

    Kind(double score) {
        this.score = score;
    }

    public double score() {
        return score;
    }
}
