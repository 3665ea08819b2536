// Command build bundles the web UI's sources (web/src) and the npm packages
// they import (web/node_modules, from `npm ci`) into the static assets the
// server embeds, with esbuild's Go API. Its output depends on nothing but
// its inputs, so running it again on the same sources changes no file:
//
//	go run ./web/build -web web -out server/static/dist
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// entryPoints are the bundles, one per script island, and the style sheet.
// map.js imports Leaflet's CSS, which esbuild writes beside it as map.css.
var entryPoints = []string{"src/theme.js", "src/app.js", "src/map.js", "src/network.js", "src/timeline.js", "src/app.css"}

// copies are files shipped as they are: the Natural Earth basemap the map
// island fetches.
var copies = map[string]string{
	"node_modules/world-atlas/countries-50m.json": "countries-50m.json",
}

func main() {
	web := flag.String("web", ".", "the web/ directory: src/ and node_modules/")
	out := flag.String("out", "../server/static/dist", "directory to write the bundles to (emptied first)")
	flag.Parse()
	if err := build(*web, *out); err != nil {
		fmt.Fprintln(os.Stderr, "web/build:", err)
		os.Exit(1)
	}
}

// build bundles the sources under web into out.
func build(web, out string) error {
	web, err := filepath.Abs(web)
	if err != nil {
		return err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(web, "node_modules")); err != nil {
		return fmt.Errorf("%s: no node_modules: run `npm ci` in it first: %w", web, err)
	}
	if err := os.RemoveAll(out); err != nil {
		return fmt.Errorf("empty %s: %w", out, err)
	}
	res := api.Build(api.BuildOptions{
		AbsWorkingDir:     web,
		EntryPoints:       entryPoints,
		Bundle:            true,
		Write:             true,
		Outdir:            out,
		EntryNames:        "[name]",
		AssetNames:        "assets/[name]-[hash]",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2020,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsEndOfFile,
		Loader:            map[string]api.Loader{".png": api.LoaderFile, ".svg": api.LoaderFile},
		LogLevel:          api.LogLevelWarning,
	})
	if len(res.Errors) > 0 {
		var msgs []string
		for _, m := range api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage}) {
			msgs = append(msgs, strings.TrimSpace(m))
		}
		return fmt.Errorf("bundle %s:\n%s", web, strings.Join(msgs, "\n"))
	}
	for from, to := range copies {
		b, err := os.ReadFile(filepath.Join(web, from))
		if err != nil {
			return fmt.Errorf("copy %s: %w", from, err)
		}
		if err := os.WriteFile(filepath.Join(out, to), b, 0o644); err != nil {
			return fmt.Errorf("copy %s: %w", from, err)
		}
	}
	for _, f := range res.OutputFiles {
		rel, _ := filepath.Rel(out, f.Path)
		fmt.Printf("%-40s %7d bytes\n", rel, len(f.Contents))
	}
	return nil
}
