package dev.dropdeploy.mcp;

import dev.dropdeploy.account.AccountUser;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A group of MCP tools. Each call is signed in, and every refusal comes back as a tool error in plain words. */
abstract class Tools {

    /** The transport context's key for the signed-in user of the request. */
    static final String USER = "dropdeploy.user";

    private static final Logger LOG = LoggerFactory.getLogger(Tools.class);

    abstract List<SyncToolSpecification> specifications();

    /** One tool; {@code properties} maps each argument to its JSON schema, {@code required} names the mandatory. */
    static SyncToolSpecification tool(
            String name,
            String description,
            Map<String, Object> properties,
            List<String> required,
            BiFunction<AccountUser, Arguments, CallToolResult> handler) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                .build();
        return new SyncToolSpecification(tool, (context, request) -> {
            if (!(context.get(USER) instanceof AccountUser user)) {
                return error("Missing API key: send it as 'Authorization: Bearer <key>'");
            }
            return guarded(name, () -> handler.apply(user, new Arguments(request.arguments())));
        });
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> integer(String description) {
        return Map.of("type", "integer", "description", description);
    }

    static CallToolResult success(String text, Object structured) {
        return CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(structured)
                .isError(false)
                .build();
    }

    static CallToolResult error(String text) {
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    /**
     * DropDeploy's own refusals carry their reason for the person (a missing project, a quota, a limit); anything
     * else is a fault on this side, logged here and never shown as a stack trace.
     */
    private static CallToolResult guarded(String name, java.util.function.Supplier<CallToolResult> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (e.getMessage() != null && ownRefusal(e)) {
                return error(e.getMessage());
            }
            LOG.warn("MCP tool {} failed", name, e);
            return error("Something went wrong on DropDeploy's side; its log has the details.");
        }
    }

    private static boolean ownRefusal(RuntimeException e) {
        return e.getClass().getName().startsWith("dev.dropdeploy.")
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException;
    }
}
