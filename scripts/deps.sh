#!/usr/bin/env bash
# Installs the Debian packages pep3118 needs to build and test, when they are missing.
# Idempotent and silent when everything is already there.
set -euo pipefail

packages=(tao-pegtl-dev libfmt-dev doctest-dev python3 python3-numpy python3-dev clang libclang-rt-14-dev valgrind pkgconf)
# The toolchain is normally present; install it only when it is not.
if ! command -v g++ >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1; then
  packages+=(build-essential)
fi
if ! command -v cmake >/dev/null 2>&1; then
  packages+=(cmake)
fi

is_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

missing=()
for package in "${packages[@]}"; do
  is_installed "$package" || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

echo "deps.sh: installing ${missing[*]}" >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
