/**
 * Image builds: the image catalog (every base image by logical name, with its pinned production image and its offline
 * tag), Dockerfile generation from {@code templates/}, the bounded build queue and build logs.
 */
package dev.dropdeploy.build;
