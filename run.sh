#!/usr/bin/env bash
# One entry point for a new user and for CI.
#   bash run.sh          install into .venv, index corpus/, start the app (http://127.0.0.1:7860)
#   bash run.sh test     install with the test and llm extras (and Debian's chromium for the browser test), run every test
set -euo pipefail
cd "$(dirname "$0")"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

install() {
    local extras=$1
    if [ ! -x .venv/bin/python ]; then
        "$PYTHON" -m venv .venv
    fi
    .venv/bin/python -m pip install --quiet --upgrade pip
    # torch first, pinned: the CPU wheel on the machine satisfies it, so nothing pulls CUDA builds.
    .venv/bin/python -m pip install --quiet "torch==2.13.0"
    if [[ "$extras" == *llm* ]]; then
        llama_wheel
    fi
    .venv/bin/python -m pip install --quiet --find-links .cache/wheels -e ".${extras}"
    .venv/bin/python -m pip check
}

llama_wheel() {
    # llama-cpp-python has no CPU wheel on PyPI: build it once (portable, no -march=native) and keep it.
    if ! ls .cache/wheels/llama_cpp_python-0.3.36-*.whl >/dev/null 2>&1; then
        mkdir -p .cache/wheels
        echo "building llama-cpp-python once (about 7 minutes on 2 cores); kept in .cache/wheels" >&2
        CMAKE_ARGS="-DGGML_NATIVE=OFF" .venv/bin/python -m pip wheel --quiet --no-deps \
            "llama-cpp-python==0.3.36" -w .cache/wheels
    fi
}

browser() {
    if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
        else
            echo "chromium and chromium-driver are not installed; the browser test will be skipped" >&2
        fi
    fi
}

case "${1:-serve}" in
    serve)
        install ""
        .venv/bin/policy-assistant index || echo "some files could not be indexed; see the table above" >&2
        exec .venv/bin/policy-assistant serve --no-index
        ;;
    test)
        install "[test,llm]"
        browser
        shift || true
        # two workers (the machine's two cores), each running whole modules so module fixtures are built once
        exec .venv/bin/python -m pytest -n "${PYTEST_WORKERS:-2}" --dist loadfile "$@"
        ;;
    *)
        echo "usage: bash run.sh [serve|test]" >&2
        exit 2
        ;;
esac
