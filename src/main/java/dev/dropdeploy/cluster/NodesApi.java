package dev.dropdeploy.cluster;

import dev.dropdeploy.account.CurrentUser;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The nodes over the API, for an administrator's key (or session, for GET), in the API's error format. Other users
 * get 403: they may know that nodes exist, not what runs on them.
 */
@RestController
@RequestMapping("/api/v1/admin/nodes")
class NodesApi {

    private final Nodes nodes;
    private final CurrentUser currentUser;

    NodesApi(Nodes nodes, CurrentUser currentUser) {
        this.nodes = nodes;
        this.currentUser = currentUser;
    }

    @GetMapping
    Cluster list() {
        return nodes.read(currentUser.require());
    }

    @PostMapping("/{node}/drain")
    Node drain(@PathVariable String node) {
        return nodes.drain(currentUser.require(), node);
    }

    @PostMapping("/{node}/activate")
    Node activate(@PathVariable String node) {
        return nodes.activate(currentUser.require(), node);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(Nodes.NoSuchNode.class)
    ResponseEntity<Map<String, String>> notFound(Nodes.NoSuchNode e) {
        return error(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
    }

    @ExceptionHandler({Nodes.NotASwarm.class, SwarmEngine.Refused.class})
    ResponseEntity<Map<String, String>> conflict(RuntimeException e) {
        return error(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
