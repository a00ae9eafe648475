package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagePasswdTest {

    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            node:x:1000:1000::/home/node:/bin/sh
            evil:x: 1000:1000::/tmp:/bin/sh
            odd:x:１０００:1000::/tmp:/bin/sh
            """;

    @Test
    void aUsersUidIsReadOnlyWhenWrittenInPlainDigits() {
        assertThat(ImagePasswd.uidIn(PASSWD, "node")).hasValue(1000);
        assertThat(ImagePasswd.uidIn(PASSWD, "root")).hasValue(0);
        assertThat(ImagePasswd.uidIn(PASSWD, "evil"))
                .as("the engine reads ' 1000' as 0")
                .isEmpty();
        assertThat(ImagePasswd.uidIn(PASSWD, "odd")).as("non-ASCII digits").isEmpty();
        assertThat(ImagePasswd.uidIn(PASSWD, "nobody")).isEmpty();
    }
}
