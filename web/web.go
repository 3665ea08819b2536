// Package web holds the front-end sources of dossier's web UI: the script
// islands and the style sheet under src/, and the npm packages they use
// (package.json, package-lock.json). `go generate ./web` bundles them with
// esbuild's Go API into server/static/dist, which is committed, so building
// dossier needs neither Node.js nor npm:
//
//	(cd web && npm ci) && go generate ./web
//
// The package has no Go code of its own.
package web

//go:generate go run ./build -out ../server/static/dist
