package dev.dropdeploy.detect.engine;

/** The stable warning codes; UIs and the auto-fix loop key on them, so they never change once shipped. */
public final class Codes {
    public static final String BOUND_TO_LOCALHOST = "BOUND_TO_LOCALHOST";
    public static final String NO_LOCKFILE = "NO_LOCKFILE";
    public static final String NODE_LIMIT = "NODE_LIMIT";
    public static final String UNDECLARED_IMPORT = "UNDECLARED_IMPORT";
    public static final String DEV_SERVER = "DEV_SERVER";
    public static final String COMMITTED_ENV = "COMMITTED_ENV";
    public static final String DEPENDENCIES_UPLOADED = "DEPENDENCIES_UPLOADED";
    public static final String CRLF_WRAPPER = "CRLF_WRAPPER";
    public static final String NOT_EXECUTABLE = "NOT_EXECUTABLE";
    public static final String HARDCODED_PORT = "HARDCODED_PORT";
    public static final String NOT_A_WEB_SERVER = "NOT_A_WEB_SERVER";
    public static final String CANNOT_DETECT = "CANNOT_DETECT";
    public static final String TREE_TRUNCATED = "TREE_TRUNCATED";
    public static final String SYMLINK_SKIPPED = "SYMLINK_SKIPPED";
    public static final String INVALID_MANIFEST = "INVALID_MANIFEST";
    public static final String NO_EXPOSE = "NO_EXPOSE";
    public static final String ALLOWED_HOSTS = "ALLOWED_HOSTS";
    /** A server-rendering framework set up for another host (adapter-auto, Vercel, Netlify, Cloudflare). */
    public static final String SERVER_ADAPTER = "SERVER_ADAPTER";
    /** A site generator's theme that did not come with the files (a Git submodule or a module fetched at build). */
    public static final String THEME_MISSING = "THEME_MISSING";

    /** composer.json requires packages and vendor/ did not come with the code; Composer's sources are unreachable. */
    public static final String COMPOSER_VENDOR_MISSING = dev.dropdeploy.detect.DetectionWarning.COMPOSER_VENDOR_MISSING;

    private Codes() {}
}
