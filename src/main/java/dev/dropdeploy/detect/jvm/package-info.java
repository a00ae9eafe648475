/**
 * Java: Spring Boot with Maven (multi-module: the module applying Boot) or Gradle (with or without the wrapper),
 * and plain Java with a main class.
 */
package dev.dropdeploy.detect.jvm;
