package dev.dropdeploy.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A real Git server on this machine: Git's own smart-HTTP server ({@code git http-backend}) run as CGI behind the
 * JDK's HTTP server, serving the bare repositories under a folder to clients that send the one user name and token it
 * accepts (as GitHub does for a private repository). Clones and pushes use the real protocol, as from GitHub.
 */
final class GitHttpServer implements AutoCloseable {

    static final String USER = "dd-bot";
    static final String TOKEN = "ghp_testTokenNeverShown0123456789";

    private final Path root;
    private final HttpServer server;

    GitHttpServer(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** A new empty bare repository that takes pushes over HTTP, at {@link #url}. */
    String createRepository(String name) throws GitAPIException {
        Path bare = root.resolve(name + ".git");
        try (Git git = Git.init()
                .setBare(true)
                .setDirectory(bare.toFile())
                .setInitialBranch("main")
                .call()) {
            var config = git.getRepository().getConfig();
            config.setBoolean("http", null, "receivepack", true);
            try {
                config.save();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return url(name);
    }

    String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".git";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Process backend = start(exchange);
            Thread.ofVirtual().start(() -> copyBody(exchange.getRequestBody(), backend.getOutputStream()));
            respond(exchange, new BufferedInputStream(backend.getInputStream()));
            backend.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean authorized(String header) {
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private Process start(HttpExchange exchange) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder("git", "http-backend").redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        var headers = exchange.getRequestHeaders();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("REMOTE_USER", USER);
        env.put("REMOTE_ADDR", "127.0.0.1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put(
                "QUERY_STRING",
                exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : exchange.getRequestURI().getRawQuery());
        putIfPresent(env, "CONTENT_TYPE", headers.getFirst("Content-Type"));
        putIfPresent(env, "CONTENT_LENGTH", headers.getFirst("Content-Length"));
        putIfPresent(env, "HTTP_CONTENT_ENCODING", headers.getFirst("Content-Encoding"));
        putIfPresent(env, "GIT_PROTOCOL", headers.getFirst("Git-Protocol"));
        return builder.start();
    }

    private static void putIfPresent(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }

    private static void copyBody(InputStream from, OutputStream to) {
        try (from;
                to) {
            from.transferTo(to);
        } catch (IOException e) {
            // The backend ended early; its answer says why.
        }
    }

    /** CGI output: header lines (one may be {@code Status: 404 Not Found}), a blank line, then the body. */
    private static void respond(HttpExchange exchange, InputStream out) throws IOException {
        int status = 200;
        String line;
        while (!(line = headerLine(out)).isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            out.transferTo(body);
        }
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
