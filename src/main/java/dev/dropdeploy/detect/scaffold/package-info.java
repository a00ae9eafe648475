/** The steps behind {@code Scaffolder}: each completes one kind of pasted code and says what it added. */
package dev.dropdeploy.detect.scaffold;
