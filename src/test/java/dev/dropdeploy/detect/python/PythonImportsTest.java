package dev.dropdeploy.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonImportsTest {

    @Test
    void standardLibraryAndRelativeImportsAreLeftOut() {
        assertThat(PythonImports.thirdParty("""
                import os, sys
                import json as j
                from . import views
                from .models import Item
                from collections import OrderedDict
                import numpy as np
                from flask import Flask
                """).keySet()).containsExactly("numpy", "flask");
    }

    @Test
    void importNamesMapToTheirDistributions() {
        assertThat(PythonImports.distribution("bs4")).isEqualTo("beautifulsoup4");
        assertThat(PythonImports.distribution("PIL")).isEqualTo("pillow");
        assertThat(PythonImports.distribution("sklearn")).isEqualTo("scikit-learn");
        assertThat(PythonImports.distribution("yaml")).isEqualTo("pyyaml");
        assertThat(PythonImports.distribution("cv2")).isEqualTo("opencv-python-headless");
        assertThat(PythonImports.distribution("dotenv")).isEqualTo("python-dotenv");
        assertThat(PythonImports.distribution("requests")).isEqualTo("requests");
    }

    @Test
    void theLineOfTheFirstImportIsKept() {
        assertThat(PythonImports.thirdParty("import os\n\nimport requests\nimport requests.adapters\n"))
                .containsEntry("requests", 3);
    }
}
