package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.scan.SourceTree;
import java.util.List;

/** One stack family. Proposes every way it could run the folder, each scored; never throws for odd input. */
public interface Analyzer {

    List<Proposal> analyze(SourceTree tree, String dir);
}
