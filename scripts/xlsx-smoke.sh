#!/usr/bin/env bash
# Smoke test of jixiao's workbooks in an office suite: converts to PDF with LibreOffice
# headless, and fails if a conversion fails or yields nothing,
#   - the review of the bundled example (jixiao check --format xlsx), then saved again as .xlsx
#     by LibreOffice: the 复核口径 drop-down (data validation) must survive, and jixiao must
#     read what the office suite saved to the same scores and findings, with no review in it;
#   - two owners' workbooks filled in place (jixiao fill): the central template and the
#     seed's Fujian layout, as the fill package's tests build them; each filled total must
#     show in its PDF (pdftotext).
# Not part of CI (it needs LibreOffice and a CJK font):
#
#   apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-droid-fallback unzip
#   scripts/xlsx-smoke.sh [OUTDIR]          # default: a fresh temporary folder
#
# The PDFs, and a PNG of each first page when pdftoppm is there, are left in OUTDIR to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "xlsx-smoke: LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui" >&2
  exit 2
fi

# A profile of its own, so that no running LibreOffice or first-start dialog interferes.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# convert BOOK.xlsx: BOOK.pdf beside it, its page count and a PNG of its first page.
convert() {
  local book=$1 pdf=${1%.xlsx}.pdf log=${1%.xlsx}.soffice.log
  timeout 180 "$soffice" -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$book" >"$log" 2>&1 || {
    echo "xlsx-smoke: LibreOffice could not convert $book:" >&2
    cat "$log" >&2
    exit 1
  }
  if [ ! -s "$pdf" ]; then
    echo "xlsx-smoke: no PDF was written for $book" >&2
    cat "$log" >&2
    exit 1
  fi
  if command -v pdfinfo >/dev/null; then
    echo "xlsx-smoke: $pdf, $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages"
  fi
  if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 80 -f 1 -l 1 "$pdf" "${pdf%.pdf}-page"
    echo "xlsx-smoke: first page as $(ls "${pdf%.pdf}"-page*.png)"
  fi
}

status=0
go run ./cmd/jixiao check --format xlsx -o "$out/review.xlsx" testdata/quangang-2021 >/dev/null || status=$?
if [ "$status" -ne 1 ] || [ ! -s "$out/review.xlsx" ]; then
  echo "xlsx-smoke: jixiao check exited $status or wrote no workbook" >&2
  exit 1
fi
convert "$out/review.xlsx"

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
# Read back, the file LibreOffice saved scores as the one jixiao wrote: the same totals, grades
# and findings (the model kept in the hidden sheet survives), and, untouched by a reviewer, it
# holds no review.
facts() { grep -oE '"(total|grade|code)": [^,}]*' "$1"; }
for book in "$out/review.xlsx" "$resaved"; do
  status=0
  go run ./cmd/jixiao check --quiet --format json -o "${book%.xlsx}.json" "$book" 2>"${book%.xlsx}.log" || status=$?
  if [ "$status" -ne 1 ]; then
    echo "xlsx-smoke: jixiao exited $status reading $book:" >&2
    cat "${book%.xlsx}.log" >&2
    exit 1
  fi
done
if ! diff <(facts "$out/review.json") <(facts "${resaved%.xlsx}.json") >"$out/resaved.diff"; then
  echo "xlsx-smoke: what LibreOffice saved scores differently from what jixiao wrote:" >&2
  cat "$out/resaved.diff" >&2
  exit 1
fi
if grep -q '"review": {' "${resaved%.xlsx}.json"; then
  echo "xlsx-smoke: a workbook no reviewer touched reads back as reviewed" >&2
  exit 1
fi
echo "xlsx-smoke: the drop-down survives LibreOffice on $lists sheets; jixiao reads the saved file back to the same scores and findings"

# The owners' templates, written by the tests that fill them, filled by the command.
go test ./fill -count=1 -run 'TestFillCentralTemplate|TestFillFujianTemplate' -args -templates "$out/templates" >/dev/null
for case in central:88.33 fujian:96; do
  name=${case%%:*} total=${case#*:}
  go run ./cmd/jixiao fill --force "$out/templates/$name.xlsx" -o "$out/$name-filled.xlsx" >"$out/$name-filled.txt"
  convert "$out/$name-filled.xlsx"
  if command -v pdftotext >/dev/null && ! pdftotext -layout "$out/$name-filled.pdf" - | grep -qw "$total"; then
    echo "xlsx-smoke: the filled total $total does not show in $out/$name-filled.pdf" >&2
    exit 1
  fi
done
echo "xlsx-smoke: ok"
