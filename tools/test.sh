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

step "Delivery checks (actionlint, workflow and Dockerfile policies)"
bash tools/images/check.sh

step "Unit and component tests"
npx nx run-many -t test --output-style=static

step "Builds"
npx nx run-many -t build --output-style=static

step "API integration tests (PostgreSQL, cognito-local, s3rver)"
npx nx run backend:integration --output-style=static

step "Browser tests (the whole platform in Chromium)"
npx nx run frontend-e2e:e2e --output-style=static

# The images need root and buildah, which .ci/run installs: CI always builds them, and a
# machine without them is told so rather than passed in silence.
if [ -n "${CI:-}" ] || { command -v buildah >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; }; then
  step "Container images (buildah build and smoke tests)"
  bash tools/images/build.sh
else
  echo
  echo "==> Container images: NOT built here (they need root and buildah: sudo bash tools/images/build.sh)"
fi

echo
echo "All checks passed in $((SECONDS - started))s."
