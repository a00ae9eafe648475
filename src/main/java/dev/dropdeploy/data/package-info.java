/**
 * Data that survives redeploys: a project's data folder (a volume at {@code /data}) and the services DropDeploy runs
 * for it (PostgreSQL, Valkey), each reachable only on the project's own network with credentials of its own that
 * reach the app as secret environment variables. Attaching, usage and quotas, export and import, deletion.
 */
@ApplicationModule(allowedDependencies = {"workspace", "workspace :: environment", "runtime", "build", "account"})
package dev.dropdeploy.data;

import org.springframework.modulith.ApplicationModule;
