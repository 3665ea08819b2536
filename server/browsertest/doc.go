// Package browsertest drives dossier's web UI in a real headless Chromium
// (Debian's chromium package, through chromedp) against a server on a store
// filled by ingesting examples/. It holds tests only; they are kept apart
// from package server's fast unit tests because they need the whole
// extraction pipeline and a browser.
//
// Without /usr/bin/chromium the tests skip, unless DOSSIER_BROWSER_TESTS=1
// (set by CI), which makes a missing browser a failure. The flag
// -screenshots DIR writes PNG screenshots of the main pages:
//
//	go test ./server/browsertest -run TestBrowser -args -screenshots "$PWD/docs/screenshots"
//
// BenchmarkNetworkRender measures the network page's time to first render
// with 2,000 entities (numbers in docs/web-performance.md).
package browsertest
