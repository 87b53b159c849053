#!/usr/bin/env bash
# `make bench` loads the servers with wrk (Debian's package "wrk"). When wrk is missing, install it
# with apt-get if this runs as root on a system that has apt-get; otherwise say how to install it.
set -euo pipefail
command -v wrk >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "make bench: installing wrk with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
    command -v wrk >/dev/null && exit 0
fi
echo "make bench needs wrk, the HTTP load tool: sudo apt-get install wrk (Debian, Ubuntu)" >&2
exit 1
