package dev.dropdeploy.mcp;

import dev.dropdeploy.account.CurrentUser;
import dev.dropdeploy.deploy.NamedDeploys;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server on its own servlet at {@code /mcp}, mapped exactly so the Vaadin servlet (at {@code /*}) never sees
 * it. Stateless: every request carries the API key and is signed in by the API's security filter chain, so no MCP
 * session outlives a request or ties a client to one DropDeploy process.
 */
@Configuration
class McpServerConfiguration {

    static final String PATH = "/mcp";

    /** Slower than any tool: a deployment waits up to ten minutes for its outcome, a chat turn for its fixes too. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);

    @Bean
    HttpServletStatelessServerTransport mcpTransport(CurrentUser currentUser, NamedDeploys named) {
        return HttpServletStatelessServerTransport.builder()
                .messageEndpoint(PATH)
                // Read on the request's thread, where the key's user is signed in; tools run on others.
                .contextExtractor(request -> McpTransportContext.create(currentUser
                        .get()
                        .<Map<String, Object>>map(user -> Map.of(Tools.USER, user))
                        .orElse(Map.of())))
                // Room for the largest text a tool takes, escaped as JSON; the tools check the text's own limit.
                .maxRequestSize((int) Math.min(Integer.MAX_VALUE, named.textLimit() * 2 + 64 * 1024))
                .build();
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, List<Tools> tools) {
        return McpServer.sync(transport)
                .serverInfo("dropdeploy", "1")
                .instructions("DropDeploy puts code online at a link. Deploy what you wrote with deploy_paste or"
                        + " deploy_files, change a project by asking its own assistant with chat_turn, read why a"
                        + " deployment failed with logs, see every project with status, and go back with rollback.")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .requestTimeout(REQUEST_TIMEOUT)
                // On the request's own thread, which waits for the answer anyway: Reactor's bounded pool (ten threads
                // a core) would otherwise cap how many deployments all users' assistants can wait for at once.
                .immediateExecution(true)
                .tools(tools.stream().flatMap(t -> t.specifications().stream()).toList())
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
            HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, PATH);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }
}
