#!/usr/bin/env bash
# `npm run synth`: every environment's CloudFormation templates into infrastructure/cdk.out,
# checked by cdk-nag, without AWS credentials.
set -euo pipefail
cd "$(dirname "$0")/.."

source tools/node-env.sh
source tools/ensure-deps.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

npx nx run infrastructure:synth --output-style=static
