# Sourced by the workspace commands: puts Node 24 first on PATH.
#
# The project needs the Node version in .nvmrc (Angular 22 and MikroORM 7 need 22+). When the
# machine's node is older, the matching binary is taken once from the npm registry's
# `node-<os>-<arch>` package into .cache/node and used from there.

acimtl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
acimtl_node_version="$(tr -d '[:space:]v' < "$acimtl_root/.nvmrc")"
acimtl_node_major="${acimtl_node_version%%.*}"

acimtl_current_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(acimtl_current_major)" -lt "$acimtl_node_major" ]; then
  acimtl_node_dir="$acimtl_root/.cache/node/$acimtl_node_version"

  if [ ! -x "$acimtl_node_dir/bin/node" ]; then
    case "$(uname -s)" in
      Linux) acimtl_os=linux ;;
      Darwin) acimtl_os=darwin ;;
      *) echo "node-env: no Node $acimtl_node_major package for $(uname -s); install it yourself" >&2; return 1 ;;
    esac
    case "$(uname -m)" in
      x86_64 | amd64) acimtl_arch=x64 ;;
      aarch64 | arm64) acimtl_arch=arm64 ;;
      *) echo "node-env: no Node $acimtl_node_major package for $(uname -m); install it yourself" >&2; return 1 ;;
    esac
    command -v npm >/dev/null 2>&1 || { echo "node-env: npm is needed to fetch Node $acimtl_node_version" >&2; return 1; }

    echo "node-env: fetching Node $acimtl_node_version (node-$acimtl_os-$acimtl_arch) into .cache/node" >&2
    acimtl_tmp="$(mktemp -d)"
    (cd "$acimtl_tmp" && npm pack --silent "node-$acimtl_os-$acimtl_arch@$acimtl_node_version" >/dev/null) \
      || { echo "node-env: could not download node-$acimtl_os-$acimtl_arch@$acimtl_node_version" >&2; rm -rf "$acimtl_tmp"; return 1; }
    tar -xzf "$acimtl_tmp"/node-*.tgz -C "$acimtl_tmp"
    mkdir -p "$acimtl_node_dir/bin"
    mv "$acimtl_tmp/package/bin/node" "$acimtl_node_dir/bin/node"
    chmod +x "$acimtl_node_dir/bin/node"
    rm -rf "$acimtl_tmp"
  fi

  export PATH="$acimtl_node_dir/bin:$PATH"
fi

unset -f acimtl_current_major
