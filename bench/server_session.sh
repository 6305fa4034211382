# Sourced by the server benchmarks (tracking.sh, ui.sh): a scratch folder, servers started in their
# own sessions and all stopped on exit, free loopback ports. Needs $PY.
WORK=$(mktemp -d)
SIDS=()
stop_session() {  # SIGTERM every process of session $1, then SIGKILL what is left after 10 s
    local sid=$1 pids i
    pids=$( (ps -s "$sid" -o pid= 2>/dev/null || true) | tr "\n" " ")
    [[ -n ${pids// } ]] || return 0
    kill -TERM $pids 2>/dev/null || true
    for i in $(seq 100); do
        pids=$( (ps -s "$sid" -o pid= 2>/dev/null || true) | tr "\n" " ")
        [[ -n ${pids// } ]] || return 0
        sleep 0.1
    done
    kill -KILL $pids 2>/dev/null || true
}
cleanup() {
    local sid
    for sid in "${SIDS[@]}"; do stop_session "$sid"; done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
