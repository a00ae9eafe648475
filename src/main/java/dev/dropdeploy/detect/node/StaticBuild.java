package dev.dropdeploy.detect.node;

import java.util.regex.Pattern;

/**
 * One tool that builds files to serve: how to recognise it and its command, and how to run it when the package has no
 * build script.
 *
 * @param framework the report's framework name
 * @param dependency the package that names the tool in package.json
 * @param command a regular expression for the command that builds, matched inside the package's scripts
 * @param defaultBuild the build without a build script
 */
record StaticBuild(String framework, String dependency, String command, String defaultBuild) {

    Pattern commandPattern() {
        return Pattern.compile("(?:^|\\s|/)" + command + "(?:\\s|$)");
    }
}
