package main

import (
	"os"

	"github.com/dossier-osint/dossier/extract"
	"github.com/dossier-osint/dossier/pipeline"
)

// newPipeline returns the extraction pipeline with opt, and the relation
// rules of --rules DIR added to the shipped ones when the flag is given.
func (a *app) newPipeline(opt pipeline.Options) (*pipeline.Pipeline, error) {
	if a.rulesDir != "" && !opt.DocumentOnly {
		rs, err := extract.LoadRules(".", os.DirFS(a.rulesDir))
		if err != nil {
			return nil, usageError{err}
		}
		opt.Rules = rs
	}
	return pipeline.New(opt), nil
}
