#!/usr/bin/env bash
# Applies the database migrations of one commit as a one-off ECS task, before the services are
# moved to that commit, and fails unless the task exits 0.
#
#   run-migrations.sh <environment name> <image>
#
# The task is the API's own task definition (network, roles, secrets, environment) with only
# the image changed, started with the API image's `migrate` command. The first deployment of
# an environment has no API service to copy yet: the script then says so (skipped=true in the
# step's outputs) and the workflow runs it again once `cdk deploy` has made the service.
set -euo pipefail

environment="$1"
image="$2"
family="acimtl-$environment-api"
# Each component has its own cluster, named like its service and task family.
cluster="$family"

service="$(aws ecs describe-services --cluster "$cluster" --services "$family" \
  --query 'services[?status==`ACTIVE`] | [0]' --output json 2>/dev/null || echo null)"
if [ "$service" = null ]; then
  echo "::notice::no $family service yet (first deployment): migrating after cdk deploy"
  echo "skipped=true" >> "${GITHUB_OUTPUT:-/dev/null}"
  exit 0
fi

current="$(jq -r '.taskDefinition' <<<"$service")"
network="$(jq -c '.networkConfiguration' <<<"$service")"

aws ecs describe-task-definition --task-definition "$current" --query taskDefinition \
  --output json \
  | jq --arg image "$image" '
      .containerDefinitions |= map(if .name == "api" then .image = $image else . end)
      | { family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes,
          requiresCompatibilities, cpu, memory, runtimePlatform }
      | with_entries(select(.value != null))' > migrate-task.json
migrate_definition="$(aws ecs register-task-definition --cli-input-json file://migrate-task.json \
  --query taskDefinition.taskDefinitionArn --output text)"
echo "Migrating with $migrate_definition ($image)"

task="$(aws ecs run-task --cluster "$cluster" --task-definition "$migrate_definition" \
  --launch-type FARGATE --network-configuration "$network" --started-by github-migrate \
  --overrides '{"containerOverrides":[{"name":"api","command":["node","dist/backend/cli.js","migrate"]}]}' \
  --query 'tasks[0].taskArn' --output text)"
echo "Started $task"

# The waiter gives up after ten minutes; a migration that takes longer needs a maintenance plan.
aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task"
result="$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" --output json \
  --query 'tasks[0].{reason: stoppedReason, exit: containers[?name==`api`] | [0].exitCode}')"
echo "Migration task stopped: $result"
[ "$(jq -r '.exit' <<<"$result")" = 0 ] || {
  echo "::error::the migrations failed: see the log group /ecs/$family, stream prefix api"
  exit 1
}
