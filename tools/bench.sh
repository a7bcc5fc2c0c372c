#!/usr/bin/env bash
# `npm run bench`: seeds a city-scale dataset, then loads the API and a plain Fastify + pg
# baseline running the same SQL, and prints requests per second and latencies side by side.
set -euo pipefail
cd "$(dirname "$0")/.."

source tools/node-env.sh
source tools/ensure-deps.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

npx nx run backend:build --output-style=static
exec node tools/bench/run.ts
