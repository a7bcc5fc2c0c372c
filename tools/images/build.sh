#!/usr/bin/env bash
# Builds the API and web client images from Dockerfile.api and Dockerfile.web with buildah, on a
# machine without a Docker engine, then smoke-tests them (tools/images/smoke.ts).
#
#   sudo bash tools/images/build.sh
#
# The base image is made here, not pulled: Debian 12 from debootstrap plus the Node binary that
# tools/node-env.sh uses and the npm the lockfile was written by, laid out like the official
# Node image. Everything buildah stores (vfs layers, cache mounts) lives in one temporary
# folder, removed at the end; set ACIMTL_IMAGES_KEEP=1 to keep it for inspection.
#
# When npm reaches the registry through a TLS-inspecting proxy, the CA bundle the host trusts
# is given to the build as a secret: mounted while npm runs, never written into a layer.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$SECONDS
step() {
  echo
  echo "==> images: $1 ($((SECONDS - started))s)"
}
fail() {
  echo "images: $1" >&2
  exit 1
}

# Nothing is skipped silently: without these the script cannot prove anything, so it says so.
if [ "$(id -u)" -ne 0 ]; then
  fail "must run as root (buildah's chroot isolation and debootstrap need it): sudo bash $0"
fi
for tool in buildah debootstrap; do
  command -v "$tool" >/dev/null 2>&1 \
    || fail "$tool is not installed; on Debian or Ubuntu: apt-get install buildah debootstrap"
done

source tools/node-env.sh
source tools/ensure-deps.sh

node_version="$(tr -d '[:space:]v' < .nvmrc)"
node_binary=".cache/node/$node_version/bin/node"
if [ ! -x "$node_binary" ]; then
  # node-env.sh only fetches Node when the machine's is older; the image needs the exact one.
  node_binary="$(command -v node)"
  [ "$(node -p process.versions.node)" = "$node_version" ] \
    || fail "no Node $node_version binary in .cache/node nor on PATH to put in the base image"
fi
npm_version="$(sed -n 's/^ARG NPM_VERSION=//p' Dockerfile.api)"
[ -n "$npm_version" ] || fail "Dockerfile.api declares no NPM_VERSION"

revision="${REVISION:-$(git rev-parse HEAD)}"
[[ "$revision" =~ ^[0-9a-f]{40}$ ]] || fail "REVISION must be a full commit SHA, got '$revision'"

# The CA bundle npm uses on this host: the one Node is told to add, npm's own, then the system's.
ca_bundle=""
for candidate in "${NODE_EXTRA_CA_CERTS:-}" "$(npm config get cafile 2>/dev/null || true)" \
  "${SSL_CERT_FILE:-}" /etc/ssl/certs/ca-certificates.crt; do
  if [ -n "$candidate" ] && [ "$candidate" != null ] && [ -s "$candidate" ]; then
    ca_bundle="$candidate"
    break
  fi
done

work="$(mktemp -d "${ACIMTL_IMAGES_TMP:-/var/tmp}/acimtl-images.XXXXXX")"
storage=(--root "$work/storage" --runroot "$work/run" --storage-driver vfs)
cleanup() {
  if [ "${ACIMTL_IMAGES_KEEP:-0}" = 1 ]; then
    echo "images: kept $work (buildah --root $work/storage --runroot $work/run)" >&2
    return
  fi
  buildah "${storage[@]}" rm --all >/dev/null 2>&1 || true
  # A run that was killed may leave /proc or /dev bound inside a container: never follow them.
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

export BUILDAH_ISOLATION=chroot
# Buildah keeps cache mounts and layer blobs under TMPDIR: inside the temporary folder too.
host_tmpdir="${TMPDIR:-/tmp}"
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"

base_image="localhost/acimtl-node-base:$node_version"
api_image="localhost/acimtl-api:$revision"
web_image="localhost/acimtl-web-client:$revision"

step "base image: Debian 12 (debootstrap), Node $node_version, npm $npm_version"
rootfs="$work/rootfs"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# Downloaded packages are kept for the next run, like npm's cache; debootstrap checks them
# against the release's signed checksums either way.
debs="${XDG_CACHE_HOME:-$HOME/.cache}/acimtl/debootstrap"
mkdir -p "$debs"
debootstrap --variant=minbase --cache-dir="$debs" bookworm "$rootfs" "$mirror" \
  >"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed (log above)"; }
# What a runtime never reads: package caches and lists, documentation (but the packages'
# copyright files, as Debian's own slim images keep them), translations.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* \
  "$rootfs"/var/log/*.log "$rootfs"/var/cache/debconf/*-old
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
install -D -m 0755 "$node_binary" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
(cd "$work" && npm pack --silent "npm@$npm_version" >/dev/null)
tar -xzf "$work/npm-$npm_version.tgz" --strip-components=1 -C "$rootfs/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

base="$(buildah "${storage[@]}" from scratch)"
cp -a "$rootfs/." "$(buildah "${storage[@]}" mount "$base")/"
buildah "${storage[@]}" config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$node_version" --cmd node "$base"
buildah "${storage[@]}" commit --quiet --format docker --rm "$base" "$base_image" >/dev/null
rm -rf "$rootfs"

# npm's content cache is a cache mount in the Dockerfiles; starting it from the host's (which
# `npm ci` on this machine has just filled) spares downloading every package again. Buildah
# keeps a cache mount in $TMPDIR/buildah-cache/<id>; were that to change, the build would
# only be slower.
npm_cache="$(npm config get cache)"
if [ -d "$npm_cache/_cacache" ]; then
  mkdir -p "$TMPDIR/buildah-cache/npm"
  cp -a "$npm_cache/_cacache" "$TMPDIR/buildah-cache/npm/"
fi

# npm ci opens more files at once than buildah's default limit allows: give it this shell's.
nofile="$(ulimit -Hn)"
[ "$nofile" != unlimited ] || nofile=1048576
build_args=(--format docker --layers=false --pull=never --ulimit "nofile=$nofile:$nofile"
  --build-arg "BASE=$base_image" --build-arg "REVISION=$revision")
if [ -n "$ca_bundle" ]; then
  echo "images: npm trusts $ca_bundle during the build (a secret, not a layer)"
  build_args+=(--secret "id=ca,src=$ca_bundle")
fi

for image in api web; do
  case "$image" in
    api) name="$api_image" ;;
    web) name="$web_image" ;;
  esac
  step "build $name from Dockerfile.$image"
  buildah "${storage[@]}" bud "${build_args[@]}" -f "Dockerfile.$image" -t "$name" . \
    >"$work/build-$image.log" 2>&1 \
    || { tail -n 40 "$work/build-$image.log" >&2; fail "building Dockerfile.$image failed"; }
  grep -E '^(STEP|COMMIT|-->)|needs [0-9]+ packages' "$work/build-$image.log" | tail -n 4
done

step "smoke tests"
# PostgreSQL runs as its own user, who cannot read the (private) temporary folder.
TMPDIR="$host_tmpdir" node tools/images/smoke.ts --buildah-root "$work/storage" --buildah-runroot "$work/run" \
  --api "$api_image" --web "$web_image" --max-megabytes "${ACIMTL_IMAGE_MAX_MB:-250}"

echo
echo "Images built and smoke-tested in $((SECONDS - started))s."
