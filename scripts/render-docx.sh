#!/usr/bin/env bash
# Render a .docx as a user would see it: LibreOffice → PDF → one PNG per page.
# Usage: scripts/render-docx.sh file.docx [out-dir] [dpi]   (out-dir defaults to /tmp/render-docx)
# Needs libreoffice-writer and poppler-utils. Without Times New Roman installed, fontconfig
# substitutes Liberation Serif, which has the same metrics, so line breaks and page breaks match.
set -euo pipefail

input=${1:?usage: render-docx.sh file.docx [out-dir] [dpi]}
out_dir=${2:-/tmp/render-docx}
dpi=${3:-60}
mkdir -p "$out_dir"
name=$(basename "${input%.*}")

# A private profile: a concurrent LibreOffice (or a stale lock) would otherwise make the
# conversion silently do nothing.
profile=$(mktemp -d /tmp/lo-profile.XXXXXX)
trap 'rm -rf "$profile"' EXIT

libreoffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out_dir" "$input" >/dev/null
rm -f "$out_dir/$name"-*.png
pdftoppm -png -r "$dpi" "$out_dir/$name.pdf" "$out_dir/$name"
ls "$out_dir/$name".pdf "$out_dir/$name"-*.png
