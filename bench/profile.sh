#!/usr/bin/env bash
# Where quire spends its time in the benchmark cases (not part of `make bench`; run after it).
#
#   bench/profile.sh          needs valgrind and perf; uses quire from PATH and bench/out/ from run.sh
#
# Prints, per case: instructions (callgrind), task-clock and page faults (perf stat), and the top
# inclusive functions, demangled. Full profiles are left in bench/out/profile/ for callgrind_annotate
# or kcachegrind.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/out
PROFILE=$OUT/profile
[[ -f $OUT/small.ipynb && -d $OUT/git/quire ]] || { echo "profile: run bench/run.sh first" >&2; exit 1; }
command -v valgrind >/dev/null && command -v perf >/dev/null || { echo "profile: needs valgrind and perf" >&2; exit 1; }
export PATH="$OUT/bin:$PATH" GIT_CONFIG_GLOBAL=$OUT/gitconfig GIT_CONFIG_NOSYSTEM=1
mkdir -p "$PROFILE"
cd "$OUT"
printf '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n' > "$PROFILE/empty.ipynb"

demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }
top() {  # top inclusive functions of a callgrind profile, below main
    callgrind_annotate --inclusive=yes "$1" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | grep -v -e 'below main' -e "'[0-9]" \
        | sed -n "2,${2:-25}p" | demangle | sed -E "s#$ROOT/Sources/##; s#\[[^]]*quire\]##" | cut -c1-150
}
counters() {  # task-clock and page faults of `$1 < $2`, 50 runs without a shell
    local clock=0 faults=0 line
    for _ in $(seq 50); do
        line=$(perf stat -x, -e task-clock,page-faults $1 < "$2" 2>&1 >/dev/null | cut -d, -f1 | paste -sd' ')
        clock=$(echo "$clock + ${line% *}" | bc); faults=${line#* }
    done
    printf '  %-28s %-22s task-clock %6.2f ms, %6d page faults\n' "$1" "< ${2##*/}" "$(echo "scale=3; $clock / 50" | bc)" "$faults"
}

echo "== start-up and small inputs (perf stat, mean of 50 runs)"
for input in "$PROFILE/empty.ipynb" small.ipynb large.ipynb; do
    counters "quire clean -" "$input"
    counters "nb-clean clean" "$input"
done
counters "quire --version" /dev/null
counters "nb-clean --version" /dev/null

for case in empty small large; do
    input=$case.ipynb; [[ $case == empty ]] && input=$PROFILE/empty.ipynb
    valgrind --tool=callgrind --callgrind-out-file="$PROFILE/clean-$case.cg" quire clean - < "$input" > /dev/null 2> "$PROFILE/clean-$case.log"
    valgrind --tool=callgrind --callgrind-out-file="$PROFILE/nb-clean-$case.cg" nb-clean clean < "$input" > /dev/null 2> "$PROFILE/nb-clean-$case.log"
    printf '\n== quire clean - < %s: %s instructions (nb-clean: %s)\n' "$case.ipynb" \
        "$(grep -o 'Collected : [0-9]*' "$PROFILE/clean-$case.log" | cut -d' ' -f3)" \
        "$(grep -o 'Collected : [0-9]*' "$PROFILE/nb-clean-$case.log" | cut -d' ' -f3)"
    [[ $case == empty ]] || top "$PROFILE/clean-$case.cg"
done

valgrind --tool=callgrind --callgrind-out-file="$PROFILE/version.cg" quire --version > /dev/null 2> "$PROFILE/version.log"
printf '\n== quire --version (ArgumentParser path): %s instructions\n' "$(grep -o 'Collected : [0-9]*' "$PROFILE/version.log" | cut -d' ' -f3)"
top "$PROFILE/version.cg" 10

# The long-running filter under callgrind, in a throw-away copy of the quire repository.
rm -rf "$PROFILE/repo"
cp -a git/quire "$PROFILE/repo"
git -C "$PROFILE/repo" config filter.quire.process \
    "valgrind --tool=callgrind --callgrind-out-file=$PROFILE/filter-process.cg quire git filter-process"
touch "$PROFILE"/repo/*.ipynb
git -C "$PROFILE/repo" status --porcelain 2> "$PROFILE/filter-process.log"
printf '\n== quire git filter-process serving git status, 200 notebooks: %s instructions\n' \
    "$(grep -o 'Collected : [0-9]*' "$PROFILE/filter-process.log" | cut -d' ' -f3)"
top "$PROFILE/filter-process.cg" 40
rm -rf "$PROFILE/repo"
