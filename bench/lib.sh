# shellcheck shell=bash
# Shared prologue of the bench scripts (sourced): Debian packages a benchmark needs, the JDKs it compares, and the
# hello-world floor every start-up figure is a ratio of.
#   need_packages CMD_OR_PYMODULE=PACKAGE ...   installs (apt) what is missing: "hyperfine=hyperfine", "py:yaml=python3-yaml"
#   jdk17, jdk25                                 JDK homes ($JDK17_HOME / $JDK25_HOME override the defaults)
#   bench_flags, bench_flags25                   the launcher's default JVM flags (SerialGC, C1 only; JDK 17 and 25)
#   build_floor DIR                              hello.jar with an AOT cache (JDK 25) and an AppCDS archive (JDK 17) in DIR
bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

need_packages() {
  local missing=() spec what pkg
  for spec in "$@"; do
    what="${spec%%=*}" pkg="${spec#*=}"
    case "$what" in
      py:*) python3 -c "import ${what#py:}" 2>/dev/null || missing+=("$pkg") ;;
      *) command -v "$what" >/dev/null || missing+=("$pkg") ;;
    esac
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]} (apt)" >&2
    apt-get install -y -q "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -q "${missing[@]}" >/dev/null; }
  fi
}

jdk17="${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' 2>/dev/null | sort | head -n1)}"
bench_flags=(-XX:+UseSerialGC -Xss4m -XX:-UsePerfData -XX:TieredStopAtLevel=1)
bench_flags25=("${bench_flags[@]}" -XX:CompileThresholdScaling=4 -XX:CompileCommand=quiet
  "-XX:CompileCommand=CompileThresholdScaling,java.math.BigInteger::*,0.05")   # what the launcher adds on JDK 25

build_floor() {
  local dir="$1"
  mkdir -p "$dir/hello"
  "$jdk17/bin/javac" -d "$dir/hello" "$bench_root/bench/Hello.java"
  "$jdk17/bin/jar" --create --file "$dir/hello.jar" --main-class Hello -C "$dir/hello" .
  # started as the launcher starts modelctl, with -cp and the main class (-jar would make the JVM open the jar in Java)
  "$jdk17/bin/java" "${bench_flags[@]}" -XX:ArchiveClassesAtExit="$dir/hello.jsa" -cp "$dir/hello.jar" Hello >/dev/null 2>&1
  "$jdk25/bin/java" "${bench_flags25[@]}" -XX:AOTCacheOutput="$dir/hello.aot" -cp "$dir/hello.jar" Hello >/dev/null 2>&1
}
