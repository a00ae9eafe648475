# shellcheck shell=bash
# DropDeploy's start-up cache: the JVM's ahead-of-time class cache (JDK 25+, JEP 483/514; class data sharing on 21-24)
# made once per build by a training run, so every later start (a restart, an upgrade's second start, a reboot) skips
# loading, verifying and linking the ~25,000 classes Spring, Hibernate and Vaadin bring. Measured here: 20.8 s to
# "Started" without it, 9.5 s with it (bench/startup.py gives the figures with 50 apps).
#
# A cache only works for the exact class path it was made from, and a nested jar (Spring Boot's fat jar) cannot be
# cached at all, so each build is extracted under $STATE_DIR/app first. The JVM ignores a cache that does not match
# (a different JDK, a changed jar) and starts as it would without one, so a stale cache can cost time, never a start.
# DROPDEPLOY_START_CACHE=off turns it off.

# Extracts a build into a folder of its own under $2, named by the jar's checksum (the Maven build is reproducible, so
# an unchanged build keeps its folder and its cache); prints the folder. A running DropDeploy keeps its own folder
# until dd_start_cache_prune, after the new one started.
dd_start_cache_build() {
  local jar=$1 root=$2 dir
  dir="$root/$(sha256sum "$jar" | cut -c1-16)"
  if [[ ! -f "$dir/$(basename "$jar")" ]]; then
    rm -rf "$dir.new"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir.new" >/dev/null || dd_die "could not extract $jar"
    mv "$dir.new" "$dir"
  fi
  printf '%s\n' "$dir"
}

# Removes every build folder but the one in use.
dd_start_cache_prune() {
  local root=$1 keep=$2 entry
  for entry in "$root"/*; do
    [[ "$entry" == "$keep" ]] || rm -rf "$entry"
  done
}

# The JVM options that make a cache ("record" for the training run) or use one ("use").
dd_start_cache_flags() {
  local mode=$1 file=$2 major
  major="$(dd_java_major "$(command -v java)")"
  if ((major >= 25)); then
    # The code-cache notes about adapters are about JIT stubs, not classes: noise for an operator.
    [[ "$mode" == record ]] && printf '%s\n' "-XX:AOTCacheOutput=$file" -Xlog:aot=error
    [[ "$mode" == use ]] && printf '%s\n' "-XX:AOTCache=$file" -Xlog:aot*=error
  else
    [[ "$mode" == record ]] && printf '%s\n' "-XX:ArchiveClassesAtExit=$file" -Xlog:cds=error
    [[ "$mode" == use ]] && printf '%s\n' "-XX:SharedArchiveFile=$file" -Xlog:cds=error
  fi
  return 0
}
