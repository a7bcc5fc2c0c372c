#!/usr/bin/env bash
# `npm test`: every check the project has, in the order that fails fastest. Each step starts
# the services it needs on free ports and stops them, pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."

source tools/node-env.sh
source tools/ensure-deps.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

started=$SECONDS
step() {
  echo
  echo "==> $1 ($((SECONDS - started))s)"
}

step "Format"
npx prettier --check . --log-level warn

step "Lint"
npx nx run-many -t lint --output-style=static

step "Typecheck"
npx nx run-many -t typecheck --output-style=static

step "Unit and component tests"
npx nx run-many -t test --output-style=static

step "Builds"
npx nx run-many -t build --output-style=static

step "API integration tests (PostgreSQL, cognito-local, s3rver)"
npx nx run backend:integration --output-style=static

step "Browser tests (the whole platform in Chromium)"
npx nx run frontend-e2e:e2e --output-style=static

echo
echo "All checks passed in $((SECONDS - started))s."
