#!/usr/bin/env bash
# Installs everything NormDesk and its tests need on a fresh Debian machine of this kind:
# Debian packages (Chromium for browser tests, CJK fonts, qpdf/poppler/LibreOffice for export checks)
# and the npm dependencies. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium fonts-noto-cjk fonts-lxgw-wenkai qpdf poppler-utils libreoffice-writer-nogui unzip)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
    echo "== 安装系统软件包：${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "!! 缺少系统软件包（测试需要）：${missing[*]}；本机没有 apt-get，请手动安装。" >&2
  fi
fi

# npm dependencies: the Electron binary cannot be downloaded here, and is not needed for browser mode; ONNX
# Runtime (OCR) ships its CPU libraries and must not try to fetch CUDA ones (see .npmrc).
stamp=node_modules/.normdesk-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "== 安装 npm 依赖（首次约 2–3 分钟，主要是编译 better-sqlite3）"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
