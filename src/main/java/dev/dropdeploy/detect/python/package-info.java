/**
 * Python projects: the real ASGI/WSGI object and its module path, Django, Streamlit, plain scripts, PEP 508
 * dependency names and imports that no manifest declares.
 */
package dev.dropdeploy.detect.python;
