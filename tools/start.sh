#!/usr/bin/env bash
# `npm start`: installs what is missing, builds the API and the web client for production,
# then runs the whole platform locally with demo data until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

source tools/node-env.sh
source tools/ensure-deps.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

echo "Building the API and the web client…"
npx nx run-many -t build -p backend frontend --output-style=static

exec node tools/platform/start.ts
