/**
 * DropDeploy: drop code, get a link. A modular monolith; every direct sub-package is a module with one public
 * entry point (its top-level public types), and everything in its sub-packages is internal. {@code
 * ApplicationModulesTest} fails the build when a module reaches into another's internals.
 */
package dev.dropdeploy;
