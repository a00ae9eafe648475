/**
 * The scored engine: analyzers propose candidates with evidence, the resolver picks one by role (the process that
 * serves HTTP is the app) and turns it into the public report.
 */
package dev.dropdeploy.detect.engine;
