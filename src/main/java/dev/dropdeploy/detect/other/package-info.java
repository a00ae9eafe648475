/** Analyzers for the smaller stack families: static sites, Go, PHP and a project's own Dockerfile. */
package dev.dropdeploy.detect.other;
