# shellcheck shell=bash
# Finds a JDK 21+ for building and running DropDeploy (Vaadin 25 needs 21+; `java` on these machines is often 17).

# Major version of a java binary, or 0.
dd_java_major() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
  printf '%s\n' "${version:-0}"
}

# Exports JAVA_HOME (and PATH) for the newest JDK >= 21: $JAVA_HOME first if it qualifies, then /usr/lib/jvm.
dd_use_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$candidate" && -x "$candidate/bin/javac" ]] || continue
    major="$(dd_java_major "$candidate/bin/java")"
    if ((major >= 21 && major > best_major)); then
      best="$candidate" best_major="$major"
    fi
    # An explicit JAVA_HOME that qualifies wins over anything newer in /usr/lib/jvm.
    [[ "$candidate" == "${JAVA_HOME:-}" && -n "$best" ]] && break
  done
  [[ -n "$best" ]] || dd_die "DropDeploy needs a JDK 21 or newer (found none in \$JAVA_HOME or /usr/lib/jvm). \
Install one, for example Temurin 25 or Debian's openjdk-21-jdk-headless, and set JAVA_HOME."
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
