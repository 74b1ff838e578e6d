#!/usr/bin/env bash
# Smoke test of the review workbook in an office suite: writes the review of the bundled
# example as .xlsx, converts it to PDF with LibreOffice headless, and fails if the conversion
# fails or yields nothing; then has LibreOffice save it again as .xlsx and checks that the
# 复核口径 drop-down (data validation) survives and that jixiao reads the review back from
# what the office suite saved. Not part of CI (it needs LibreOffice and a CJK font):
#
#   apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-droid-fallback poppler-utils unzip
#   scripts/xlsx-smoke.sh [OUTDIR]          # default: a fresh temporary folder
#
# The PDF, and a PNG of its first page when pdftoppm is there, are left in OUTDIR to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "xlsx-smoke: LibreOffice (soffice) is not installed: apt-get install libreoffice-calc" >&2
  exit 2
fi

status=0
go run ./cmd/jixiao check --format xlsx -o "$out/review.xlsx" testdata/quangang-2021 >/dev/null || status=$?
if [ "$status" -ne 1 ] || [ ! -s "$out/review.xlsx" ]; then
  echo "xlsx-smoke: jixiao check exited $status or wrote no workbook" >&2
  exit 1
fi

# A profile of its own, so that no running LibreOffice or first-start dialog interferes.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 180 "$soffice" -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$out/review.xlsx" >"$out/soffice.log" 2>&1 || {
  echo "xlsx-smoke: LibreOffice could not convert the workbook:" >&2
  cat "$out/soffice.log" >&2
  exit 1
}
if [ ! -s "$out/review.pdf" ]; then
  echo "xlsx-smoke: no PDF was written" >&2
  cat "$out/soffice.log" >&2
  exit 1
fi
# Saved again by LibreOffice, the project sheets keep their drop-down of the rules, and jixiao
# reads the reviewer's columns back from the file the office suite wrote.
mkdir -p "$out/resaved"
timeout 180 "$soffice" -env:UserInstallation=file://"$profile" --headless --convert-to xlsx --outdir "$out/resaved" "$out/review.xlsx" >>"$out/soffice.log" 2>&1 || {
  echo "xlsx-smoke: LibreOffice could not save the workbook again as .xlsx:" >&2
  cat "$out/soffice.log" >&2
  exit 1
}
resaved="$out/resaved/review.xlsx"
lists=0
for sheet in $(unzip -Z1 "$resaved" 'xl/worksheets/sheet*.xml'); do
  if unzip -p "$resaved" "$sheet" | grep -q 'type="list"' && unzip -p "$resaved" "$sheet" | grep -q 'by-criterion,no-evidence'; then
    lists=$((lists + 1))
  fi
done
if [ "$lists" -lt 2 ]; then
  echo "xlsx-smoke: the 复核口径 drop-down is missing from the sheets LibreOffice saved ($lists of 2 project sheets)" >&2
  exit 1
fi
status=0
go run ./cmd/jixiao check --quiet --format json -o "$out/resaved.json" "$resaved" 2>"$out/resaved.log" || status=$?
if [ "$status" -ne 1 ] || ! grep -q '"review": {' "$out/resaved.json"; then
  echo "xlsx-smoke: jixiao exited $status reading what LibreOffice saved, or found no review in it:" >&2
  cat "$out/resaved.log" >&2
  exit 1
fi
echo "xlsx-smoke: the drop-down survives LibreOffice on $lists sheets; jixiao reads the review back"

if command -v pdfinfo >/dev/null; then
  pages=$(pdfinfo "$out/review.pdf" | awk '/^Pages:/ {print $2}')
  echo "xlsx-smoke: $out/review.pdf, $pages pages"
fi
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 80 -f 1 -l 1 "$out/review.pdf" "$out/page"
  echo "xlsx-smoke: first page as $(ls "$out"/page*.png)"
fi
echo "xlsx-smoke: ok"
