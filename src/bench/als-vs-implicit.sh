#!/usr/bin/env bash
# Side by side: this project's ALS trainer against benfred/implicit 0.7.3 (its CPU conjugate-gradient ALS) on the same
# MovieLens-format ratings.csv with the same settings: confidence c = 1 + alpha * rating (implicit's own alpha 1),
# regularization added once to the Gram matrix, 3 CG steps, float32, the same number of threads. Runs of the two
# alternate (the order flips every round), so that a noisy machine slows both alike; compare the ratios, and CPU
# seconds before wall seconds.
#
#   src/bench/als-vs-implicit.sh RATINGS_CSV [--factors 64,128] [--iterations 3] [--rounds 2] [--threads 2]
#                                            [--mode synth|fits] [--fits 3]
#
#   --mode synth  one fit per run (for large files): per-iteration CPU and wall = the fit's / iterations (the JVM's
#                 JIT warm-up included), peak RSS during the fit (VmHWM, reset after loading, in both harnesses)
#   --mode fits   one warm-up fit, then --fits timed fits per run (for small files such as ml-latest-small):
#                 per-iteration = the median fit's / iterations; RSS is the whole process's peak (/usr/bin/time),
#                 loading included, as implicit's harness does not measure the fit alone in this mode
#
# Needs: implicit built by ../shared/peers/implicit/build.sh (IMPLICIT_SRC, default /tmp/implicit-src) and its harness
# (BENCH_PY, default ../shared/peers/implicit/bench.py); a JDK 21+ (JAVA_HOME); /usr/bin/time. A 20M-rating file comes
# from the synthesize command (scale branch), e.g.
#   java -jar target/movie-recommender.jar synthesize --out /tmp/synth20m --ratings 20000000 --users 140000 \
#        --movies 27000 --tags 1000 --genome-movies 10 --genome-tags 10
# (540 MB: delete it afterwards).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

csv=${1:?usage: $0 RATINGS_CSV [--factors 64,128] [--iterations 3] [--rounds 2] [--threads 2] [--mode synth|fits] [--fits 3]}
shift
factors=64,128
iterations=3
rounds=2
threads=2
mode=synth
fits=3
while [ $# -gt 0 ]; do
  case "$1" in
    --factors) factors=$2; shift 2 ;;
    --iterations) iterations=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --fits) fits=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

IMPLICIT_SRC=${IMPLICIT_SRC:-/tmp/implicit-src}
BENCH_PY=${BENCH_PY:-$ROOT/../shared/peers/implicit/bench.py}
[ -f "$IMPLICIT_SRC/implicit/__init__.py" ] || { echo "implicit is not built in $IMPLICIT_SRC: run ../shared/peers/implicit/build.sh" >&2; exit 1; }
[ -f "$BENCH_PY" ] || { echo "no implicit harness at $BENCH_PY (set BENCH_PY)" >&2; exit 1; }
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"

work=$(mktemp -d /tmp/als-vs-implicit.XXXXXX)
echo "logs: $work"

# the project: compiled classes and the runtime classpath, the JVM flags of ./mvnw and the tests (pom property)
./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=runtime \
  >"$work/build.out" 2>&1 || { cat "$work/build.out" >&2; exit 1; }
read -r -a jvm_args <<<"$(sed -n 's:.*<movierec.jvm.args>\(.*\)</movierec.jvm.args>.*:\1:p' pom.xml)"
# a copy of the classes, so that a build in the worktree during the runs does not change what runs
cp -r "$ROOT/target/classes" "$work/classes"
project=(java "${jvm_args[@]}" -cp "$work/classes:$(cat "$work/classpath")" app.movierec.Application)

[ -f "$csv" ] || { echo "no such file: $csv" >&2; exit 1; }

run_implicit() { # factors log
  local cmd=(/usr/bin/python3 "$BENCH_PY" "$mode" "$csv" --confidence project --factors "$1" --iterations "$iterations"
             --threads "$threads")
  [ "$mode" = fits ] && cmd+=(--fits "$fits")
  echo "\$ OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=$threads PYTHONPATH=$IMPLICIT_SRC ${cmd[*]}" >"$2"
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=$threads PYTHONPATH="$IMPLICIT_SRC" \
    /usr/bin/time -f "PROCESS max_rss_kb=%M" "${cmd[@]}" >>"$2" 2>&1
}

run_project() { # factors log
  local cmd=(benchmark --ratings "$csv" --factors "$1" --iterations "$iterations" --threads "$threads")
  [ "$mode" = fits ] && cmd+=(--warmups 1 --fits "$fits")
  echo "\$ java ${jvm_args[*]} -cp ... app.movierec.Application ${cmd[*]}" >"$2"
  /usr/bin/time -f "PROCESS max_rss_kb=%M" "${project[@]}" "${cmd[@]}" >>"$2" 2>&1
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
IFS=, read -r -a factor_list <<<"$factors"
for round in $(seq 1 "$rounds"); do
  for f in "${factor_list[@]}"; do
    if [ $((round % 2)) = 1 ]; then order="implicit project"; else order="project implicit"; fi
    for who in $order; do
      log="$work/$who-f$f-r$round.log"
      echo "round $round, $f factors: $who"
      "run_$who" "$f" "$log" || { echo "failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
    done
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"

/usr/bin/python3 - "$work" "$mode" "$iterations" "$csv" <<'PY'
import glob, os, re, statistics, sys
work, mode, iterations, csv = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

def fields(line):
    return dict(kv.split("=", 1) for kv in line.split() if "=" in kv)

rows = {}
for path in sorted(glob.glob(os.path.join(work, "*.log"))):
    who, f, _ = os.path.basename(path)[:-4].split("-")
    text = open(path).read()
    result = [l for l in text.splitlines() if l.startswith("RESULT ")]
    if not result:
        continue
    r = fields(result[-1])
    if who == "implicit":
        if mode == "synth":
            cpu, wall = float(r["fit_cpu"]) / iterations, float(r["fit"]) / iterations
            m = re.search(r"peak during fit (\d+) MB", text)
            rss = int(m.group(1)) if m else None
        else:
            cpu, wall = float(r["cpu_median"]) / iterations, float(r["median"]) / iterations
    else:
        cpu, wall = float(r["fit_cpu_median"]) / iterations, float(r["fit_wall_median"]) / iterations
        rss = int(r["peak_rss_mb"]) if mode == "synth" else None
    if mode == "fits":
        m = re.search(r"PROCESS max_rss_kb=(\d+)", text)
        rss = int(m.group(1)) // 1024 if m else None
    rows.setdefault(int(f[1:]), {}).setdefault(who, []).append((cpu, wall, rss))

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def fmt(v, spec):
    return format(v, spec) if v is not None else "-"

print()
unit = ("per iteration (one fit per run, JIT warm-up included); peak RSS during the fit" if mode == "synth" else
        "per iteration (median of the timed fits after a warm-up fit, / iterations); peak RSS of the whole process")
print(f"{csv}, {mode} mode, {iterations} iterations; seconds {unit}; median over rounds (runs in {work})")
print(f"| factors | implicit CPU s | project CPU s | CPU ratio | implicit wall s | project wall s | wall ratio "
      f"| implicit peak RSS MB | project peak RSS MB | RSS ratio |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for f in sorted(rows):
    i, p = rows[f].get("implicit", []), rows[f].get("project", [])
    ic, iw, ir = (med([x[k] for x in i]) for k in range(3))
    pc, pw, pr = (med([x[k] for x in p]) for k in range(3))
    ratio = lambda a, b: fmt(a / b if a is not None and b else None, ".2f")
    print(f"| {f} | {fmt(ic, '.3f')} | {fmt(pc, '.3f')} | {ratio(pc, ic)} | {fmt(iw, '.3f')} | {fmt(pw, '.3f')} "
          f"| {ratio(pw, iw)} | {fmt(ir, '.0f')} | {fmt(pr, '.0f')} | {ratio(pr, ir)} |")
    print(f"|   | runs: {', '.join(fmt(x[0], '.3f') for x in i)} | runs: {', '.join(fmt(x[0], '.3f') for x in p)} "
          f"| | {', '.join(fmt(x[1], '.3f') for x in i)} | {', '.join(fmt(x[1], '.3f') for x in p)} | "
          f"| {', '.join(fmt(x[2], '.0f') for x in i)} | {', '.join(fmt(x[2], '.0f') for x in p)} | |")
PY
