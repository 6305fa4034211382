#!/usr/bin/env bash
# Side-by-side benchmarks of `quire clean` against nbstripout 0.9.1 and nb-clean 5.0.0.
#
#   make bench            (= make bench-deps install, then this script)
#   bench/run.sh          quire from PATH, the anchors from .venv (make bench-deps)
#
# Cases, each timed with hyperfine in this one run (see BENCHMARKS.md):
#   (a) clean of small.ipynb, stdin to stdout      (b) the same on large.ipynb
#   (c) `git status --porcelain` after touching all 200 notebooks of a repository with each
#       tool's clean filter installed the way the tool installs it (plus one with no filter)
# Everything generated goes to bench/out/ (git-ignored): notebooks, repositories, hyperfine JSON.
#
# Knobs (environment): VENV (default .venv), BENCH_FRESH=1 (rebuild the git repositories even if
# their set-up stamp matches), NBSTRIPOUT_GIT_RUNS (default 3; each costs ~1 min of CPU).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/out
VENV=${VENV:-$ROOT/.venv}
NBSTRIPOUT_GIT_RUNS=${NBSTRIPOUT_GIT_RUNS:-3}
BENCH_FRESH=${BENCH_FRESH:-0}

say() { printf '\n== %s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------------------------
QUIRE=$(command -v quire) || die "no quire on PATH (run 'make install', or put a release build's bin folder first on PATH)"
for tool in python nbstripout nb-clean; do
    [[ -x $VENV/bin/$tool ]] || die "$VENV/bin/$tool missing (run 'make bench-deps')"
done
command -v hyperfine >/dev/null || die "hyperfine missing (run 'make bench-deps')"

mkdir -p "$OUT/bin"
# The anchors by bare name, as their users run them; nb-clean's git filter also finds it on PATH.
ln -sf "$VENV/bin/nbstripout" "$OUT/bin/nbstripout"
ln -sf "$VENV/bin/nb-clean" "$OUT/bin/nb-clean"
export PATH="$OUT/bin:$PATH"
PY=$VENV/bin/python

# Keep the user's and the system's git configuration (global filters, hooks) out of the repositories.
export GIT_CONFIG_GLOBAL=$OUT/gitconfig GIT_CONFIG_NOSYSTEM=1
cat > "$GIT_CONFIG_GLOBAL" <<'EOF'
[user]
	name = Quire Bench
	email = bench@example.invalid
[init]
	defaultBranch = main
[commit]
	gpgSign = false
[advice]
	detachedHead = false
EOF

{
    echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "quire:       $QUIRE ($(quire --version), installed $(date -u -r "$QUIRE" "+%H:%M UTC")), tree at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$([[ -z $(git -C "$ROOT" status --porcelain -- Sources Package.swift 2>/dev/null) ]] || echo ' + uncommitted changes in Sources')"
    echo "nbstripout:  $(nbstripout --version)  ($("$PY" --version))"
    echo "nb-clean:    $(nb-clean --version)"
    echo "hyperfine:   $(hyperfine --version)"
    echo "git:         $(git --version)"
    echo "machine:     $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/environment.txt"
say "Environment"
cat "$OUT/environment.txt"

# --- data --------------------------------------------------------------------------------------
say "Generating notebooks (fixed seed)"
"$PY" "$ROOT/bench/generate.py" --out "$OUT"
cd "$OUT"

# --- (a), (b): each tool must really strip before it is timed -----------------------------------
say "Checking that each tool strips outputs"
mkdir -p check
for nb in small large; do
    quire clean - < $nb.ipynb > check/quire-$nb.ipynb
    nbstripout < $nb.ipynb > check/nbstripout-$nb.ipynb
    nb-clean clean < $nb.ipynb > check/nb-clean-$nb.ipynb
    nbstripout --keep-id < $nb.ipynb > check/nbstripout-keep-id-$nb.ipynb
    "$PY" "$ROOT/bench/verify.py" stripped check/{quire,nbstripout,nb-clean}-$nb.ipynb
    # Informational: quire claims nbstripout's defaults, keeping cell ids.
    "$PY" "$ROOT/bench/verify.py" same check/quire-$nb.ipynb check/nbstripout-keep-id-$nb.ipynb
done

# hyperfine: runs = 3 s of benchmarking per command, clamped to [min-runs, max-runs].
say "(a) clean of small.ipynb"
hyperfine --warmup 5 --min-runs 20 --max-runs 300 --export-json a-small.json \
    'quire clean - < small.ipynb > /dev/null' \
    'nbstripout < small.ipynb > nbstripout-small.out' \
    'nb-clean clean < small.ipynb > /dev/null'

say "(a') cross-check of (a) without a shell: user+sys of the one spawned process, from wait4"
"$PY" "$ROOT/bench/spawn_cpu.py" --stdin small.ipynb --runs 300 --warmup 10 --export-json a-small-noshell.json \
    'quire clean -' 'nb-clean clean'

say "(b) clean of large.ipynb"
hyperfine --warmup 2 --min-runs 10 --max-runs 60 --export-json b-large.json \
    'quire clean - < large.ipynb > /dev/null' \
    'nbstripout < large.ipynb > nbstripout-large.out' \
    'nb-clean clean < large.ipynb > /dev/null'

# --- (c) git status with each clean filter -------------------------------------------------------
QUIRE_INSTALL=""
install_filter() {  # in the current directory, the way each tool installs itself
    case $1 in
        none) ;;
        quire)
            if quire git install > ../quire-install.log 2>&1 && [[ -n $(git config filter.quire.process) ]]; then
                QUIRE_INSTALL="quire git install"
            else
                # `quire git install` not available in this build: what it is meant to write.
                git config filter.quire.process 'quire git filter-process'
                git config filter.quire.required true
                echo '*.ipynb filter=quire' >> .git/info/attributes
                QUIRE_INSTALL="by hand (quire git install unavailable: $(head -c 200 ../quire-install.log | tr '\n' ' '))"
            fi ;;
        nbstripout) nbstripout --install ;;
        nb-clean) nb-clean add-filter ;;
    esac
}

DATA_STAMP=$(cat repo/*.ipynb | md5sum | cut -d' ' -f1)
setup_repo() {  # one repository per filter; reused while data, tool and install are unchanged
    local tool=$1 dir=git/$1 version stamp
    case $tool in
        quire) version="$(quire --version) $(stat -c %Y "$QUIRE")" ;;
        nbstripout) version=$(nbstripout --version) ;;
        nb-clean) version=$(nb-clean --version) ;;
        none) version=none ;;
    esac
    stamp="$DATA_STAMP $version"
    if [[ $BENCH_FRESH != 1 && -f $dir.stamp && $(cat "$dir.stamp") == "$stamp" ]]; then
        echo "  reuse  $dir (same notebooks and $tool; BENCH_FRESH=1 rebuilds)"
        if [[ $tool == quire ]]; then QUIRE_INSTALL=$(cat "$dir.install"); fi
        return 0
    fi
    rm -rf "$dir" "$dir.stamp"
    mkdir -p "$dir"
    (
        cd "$dir"
        git init -q
        install_filter "$tool"
        if [[ $tool == quire ]]; then echo "$QUIRE_INSTALL" > ../quire.install; fi
        cp ../../repo/*.ipynb .
        local started=$SECONDS
        git add -- *.ipynb          # runs the clean filter on every notebook
        git commit -q -m "200 notebooks"
        echo "  built  $dir: $(git ls-files | wc -l) notebooks committed through the filter in $((SECONDS - started)) s"
    )
    echo "$stamp" > "$dir.stamp"
    if [[ $tool == quire ]]; then QUIRE_INSTALL=$(cat "$dir.install"); fi
}

check_repo() {  # committed blobs stripped; status clean after a touch, with one filter call per touched file
    local tool=$1 dir=git/$1 touched=$2 calls
    [[ $tool == none ]] || "$PY" "$ROOT/bench/verify.py" blobs "$dir"
    local notebooks=("$dir"/*.ipynb)
    touch "${notebooks[@]:0:touched}"
    rm -f "trace-$tool.txt" "packets-$tool.txt"
    local status
    status=$(GIT_TRACE=$OUT/trace-$tool.txt GIT_TRACE_PACKET=$OUT/packets-$tool.txt git -C "$dir" status --porcelain)
    [[ -z $status ]] || die "$dir: git status is not clean after a touch: $(head -n 3 <<< "$status")"
    case $tool in
        none) calls=$touched ;;  # nothing to count
        quire) calls=$(grep -c 'git> command=clean' "packets-$tool.txt" || true) ;;
        *) calls=$(grep -c "run_command: .*$tool" "trace-$tool.txt" || true) ;;
    esac
    [[ $calls == "$touched" ]] || die "$dir: $touched notebooks touched but the $tool filter cleaned $calls"
    echo "  ok  $dir: git status clean after touching $touched notebooks ($calls filter cleans)"
}

say "(c) setting up and checking the git repositories"
for tool in none quire nb-clean nbstripout; do setup_repo $tool; done
echo "  quire filter installed: $QUIRE_INSTALL"
echo "  quire:      $(git -C git/quire config --get-regexp '^filter\.quire' | tr '\n' ';')"
echo "  nbstripout: $(git -C git/nbstripout config --get-regexp '^filter\.nbstripout' | tr '\n' ';')"
echo "  nb-clean:   $(git -C git/nb-clean config --get-regexp '^filter\.nb-clean' | tr '\n' ';')"
for tool in none quire nb-clean; do check_repo $tool 200; done
check_repo nbstripout 10   # all 200 would cost a minute of CPU; the timed runs below touch all 200
echo "quire filter: $QUIRE_INSTALL" >> environment.txt

say "(c) git status --porcelain after touching all 200 notebooks"
hyperfine --warmup 1 --min-runs 5 --max-runs 30 --export-json c-git-status.json \
    --prepare 'touch git/none/*.ipynb' 'git -C git/none status --porcelain' \
    --prepare 'touch git/quire/*.ipynb' 'git -C git/quire status --porcelain' \
    --prepare 'touch git/nb-clean/*.ipynb' 'git -C git/nb-clean status --porcelain'
# nbstripout on its own: ~1 min of CPU per run, so few runs and no warm-up (the check above warmed it).
hyperfine --warmup 0 --runs "$NBSTRIPOUT_GIT_RUNS" --export-json c-git-status-nbstripout.json \
    --prepare 'touch git/nbstripout/*.ipynb' 'git -C git/nbstripout status --porcelain'

echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)" >> environment.txt

say "Summary"
"$PY" "$ROOT/bench/report.py" "$OUT"
