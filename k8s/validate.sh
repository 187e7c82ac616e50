#!/usr/bin/env bash
# Offline check of the Kubernetes manifests: renders every overlay with kustomize and validates each object.
#   k8s/validate.sh            (needs kubectl or kustomize, node >= 20 and npm)
# Built-in kinds are validated against the kubernetes-models JSON schemas; CloudNativePG and Strimzi custom
# resources against their required fields; then cross-references (see tools/validate.mjs).
# The Secrets kustomizations (overlays/<env>/secrets) are rendered from a scratch copy in which every *.env
# is replaced by its .env.example, so the check never reads a real secret and works in a fresh clone.
set -euo pipefail

K8S="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOOLS="$K8S/.validate"                      # git-ignored
KUBERNETES_MODELS_VERSION=5.1.0
YAML_VERSION=2.9.1
OVERLAYS=(dev prod)

log() { printf '[validate] %s\n' "$*" >&2; }

installed() { node -p "require('$TOOLS/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed kubernetes-models)" != "$KUBERNETES_MODELS_VERSION" ] || [ "$(installed yaml)" != "$YAML_VERSION" ]; then
  log "installing kubernetes-models@$KUBERNETES_MODELS_VERSION yaml@$YAML_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{"name":"switchboard-k8s-validate","private":true}' > "$TOOLS/package.json"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error \
    "kubernetes-models@$KUBERNETES_MODELS_VERSION" "yaml@$YAML_VERSION" >&2
fi

if command -v kubectl >/dev/null 2>&1; then render() { kubectl kustomize "$1"; }
elif command -v kustomize >/dev/null 2>&1; then render() { kustomize build "$1"; }
else log "error: neither kubectl nor kustomize is on PATH"; exit 2; fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp -r "$K8S/base" "$K8S/overlays" "$WORK/"
find "$WORK/overlays" -path '*/secrets/*.env' -type f -delete
for example in "$WORK"/overlays/*/secrets/*.env.example; do cp "$example" "${example%.example}"; done
# ESM resolves packages from the script's folder, so run the checker from beside node_modules
cp "$K8S/tools/validate.mjs" "$TOOLS/validate.mjs"

status=0
for overlay in "${OVERLAYS[@]}"; do
  log "rendering overlays/$overlay"
  render "$WORK/overlays/$overlay" > "$WORK/$overlay.yaml"
  render "$WORK/overlays/$overlay/secrets" > "$WORK/$overlay-secrets.yaml"
  node "$TOOLS/validate.mjs" "$overlay" "$WORK/$overlay.yaml" "$WORK/$overlay-secrets.yaml" || status=1
done
exit $status
