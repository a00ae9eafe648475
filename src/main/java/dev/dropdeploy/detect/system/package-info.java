/** What an app needs from the operating system: the one table of native dependencies. */
package dev.dropdeploy.detect.system;
