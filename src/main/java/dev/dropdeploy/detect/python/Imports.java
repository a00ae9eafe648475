package dev.dropdeploy.detect.python;

import dev.dropdeploy.detect.engine.Codes;
import dev.dropdeploy.detect.engine.Proposal;
import dev.dropdeploy.detect.scan.SourceFile;
import dev.dropdeploy.detect.scan.SourceTree;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Imports that no manifest declares: warned about, and returned so the install can add them. */
final class Imports {

    private Imports() {}

    static Set<String> undeclared(SourceTree tree, String dir, List<SourceFile> sources, PythonDeps deps, Proposal p) {
        Set<String> local = localModules(dir, sources);
        Set<String> missing = new LinkedHashSet<>();
        for (SourceFile f : sources) {
            for (Map.Entry<String, Integer> e :
                    PythonImports.thirdParty(tree.textOrEmpty(f.path())).entrySet()) {
                String module = e.getKey();
                String dist = PythonImports.distribution(module);
                if (local.contains(module.split("\\.")[0])
                        || deps.provides(module.split("\\.")[0], dist)
                        || !missing.add(dist)) {
                    continue;
                }
                p.warn(
                        Codes.UNDECLARED_IMPORT,
                        f.path(),
                        e.getValue(),
                        "'" + module + "' is imported but "
                                + dist + " is not declared" + (deps.isEmpty() ? "" : " in the requirements")
                                + "; DropDeploy installs it unpinned. Add it to requirements.txt.");
            }
        }
        return missing;
    }

    /** Top-level names the project itself provides (its own modules and packages), never installed. */
    private static Set<String> localModules(String dir, List<SourceFile> sources) {
        Set<String> local = new LinkedHashSet<>();
        for (SourceFile f : sources) {
            String module = PythonApp.module(dir, f.path());
            String[] parts = module.split("\\.");
            local.add(parts[0]);
            local.add(parts[parts.length - 1]);
        }
        return local;
    }
}
