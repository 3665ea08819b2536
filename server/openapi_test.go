package server

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// openAPISchema compiles one schema of the OpenAPI document's components,
// asserting formats (date-time) too.
func openAPISchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPI))
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("https://dossier.invalid/openapi.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("https://dossier.invalid/openapi.json#/components/schemas/" + name)
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return sch
}

// TestOpenAPIDescribesResponses validates real responses of every endpoint
// against the schemas the OpenAPI document gives for them.
func TestOpenAPIDescribesResponses(t *testing.T) {
	f := newFixture(t)
	var spec struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	resp, body := get(t, f.srv.URL+"/api/v1/openapi.json")
	if resp.StatusCode != 200 {
		t.Fatalf("openapi.json: %d", resp.StatusCode)
	}
	if err := json.Unmarshal([]byte(body), &spec); err != nil || !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Fatalf("openapi.json is not an OpenAPI 3 document: %v", err)
	}
	// Every route is described, and nothing else.
	routes := New(f.st, nil).apiRoutes()
	for path := range routes {
		if _, ok := spec.Paths[path]["get"]; !ok {
			t.Errorf("route %s is not in openapi.json", path)
		}
	}
	for path, ops := range spec.Paths {
		if method, ok := writeRoutes[path]; ok {
			if _, ok := ops[method]; !ok {
				t.Errorf("openapi.json does not describe %s %s", method, path)
			}
			continue
		}
		if _, ok := routes[path]; !ok && path != "/healthz" {
			t.Errorf("openapi.json describes %s, which is not served", path)
		}
	}

	doc := url.PathEscape(f.report.ID)
	rauf, srinagar := globalID(t, f.st, "Abdul Rauf"), globalID(t, f.st, "Srinagar")
	for _, tt := range []struct {
		path, spec string
		code       int
	}{
		{"/healthz", "/healthz", 200},
		{"/api/v1/documents", "/api/v1/documents", 200},
		{"/api/v1/documents?limit=1", "/api/v1/documents", 200},
		{"/api/v1/documents?limit=0", "/api/v1/documents", 400},
		{"/api/v1/documents/" + doc, "/api/v1/documents/{id}", 200},
		{"/api/v1/documents/" + url.PathEscape(f.hostile.ID), "/api/v1/documents/{id}", 200},
		{"/api/v1/documents/sha256:00", "/api/v1/documents/{id}", 404},
		{"/api/v1/search?q=srinagar", "/api/v1/search", 200},
		{"/api/v1/search?q=srinagar&limit=1&offset=1", "/api/v1/search", 200},
		{"/api/v1/search", "/api/v1/search", 200},
		{"/api/v1/search?q=x&offset=-3", "/api/v1/search", 400},
		{"/api/v1/places", "/api/v1/places", 200},
		{"/api/v1/places?limit=1&offset=1", "/api/v1/places", 200},
		{"/api/v1/stats", "/api/v1/stats", 200},
		{"/api/v1/entities", "/api/v1/entities", 200},
		{"/api/v1/entities?q=rauf&limit=5", "/api/v1/entities", 200},
		{"/api/v1/entities?q=" + rauf, "/api/v1/entities", 200},
		{"/api/v1/entities?limit=101", "/api/v1/entities", 400},
		{"/api/v1/entities/" + rauf, "/api/v1/entities/{id}", 200},
		{"/api/v1/entities/" + srinagar, "/api/v1/entities/{id}", 200},
		{"/api/v1/entities/E999999", "/api/v1/entities/{id}", 404},
		{"/api/v1/entities/" + rauf + "/network", "/api/v1/entities/{id}/network", 200},
		{"/api/v1/entities/" + rauf + "/network?depth=2&modality=hedged&attribution=anonymous", "/api/v1/entities/{id}/network", 200},
		{"/api/v1/entities/" + srinagar + "/network?depth=2", "/api/v1/entities/{id}/network", 200},
		{"/api/v1/entities/" + rauf + "/network?depth=3", "/api/v1/entities/{id}/network", 400},
		{"/api/v1/entities/" + rauf + "/network?modality=certain", "/api/v1/entities/{id}/network", 400},
		{"/api/v1/entities/E999999/network", "/api/v1/entities/{id}/network", 404},
		{"/api/v1/entities/" + rauf + "/timeline", "/api/v1/entities/{id}/timeline", 200},
		{"/api/v1/entities/" + srinagar + "/timeline?limit=1", "/api/v1/entities/{id}/timeline", 200},
		{"/api/v1/entities/E999999/timeline", "/api/v1/entities/{id}/timeline", 404},
		{"/api/v1/path?a=Abdul+Rauf&b=Jaish", "/api/v1/path", 200},
		{"/api/v1/path?a=" + rauf + "&b=" + srinagar, "/api/v1/path", 200},
		{"/api/v1/path?a=Abdul+Rauf", "/api/v1/path", 400},
		{"/api/v1/path?a=Abdul+Rauf&b=Nobody+Atall", "/api/v1/path", 404},
		{"/api/v1/timeline", "/api/v1/timeline", 200},
		{"/api/v1/timeline?entity=" + rauf, "/api/v1/timeline", 200},
		{"/api/v1/timeline?entity=Srinagar&limit=1&offset=1", "/api/v1/timeline", 200},
		{"/api/v1/timeline?from=2026-04&to=2026-04-30&modality=asserted,reported", "/api/v1/timeline", 200},
		{"/api/v1/timeline?type=attack", "/api/v1/timeline", 200},
		{"/api/v1/timeline?from=1999&to=1999", "/api/v1/timeline", 200},
		{"/api/v1/timeline?from=April", "/api/v1/timeline", 400},
		{"/api/v1/timeline?entity=Nobody+Atall", "/api/v1/timeline", 404},
		{"/api/v1/flags", "/api/v1/flags", 200},
		{"/api/v1/flags?limit=1&offset=1", "/api/v1/flags", 200},
		{"/api/v1/flags?limit=0", "/api/v1/flags", 400},
		{"/api/v1/claims", "/api/v1/claims", 200},
		{"/api/v1/claims?entity=" + rauf + "&type=leader_of&modality=hedged&attribution=anonymous&from=2026&to=2026-12&min_corroboration=1", "/api/v1/claims", 200},
		{"/api/v1/claims?kind=event&limit=1&offset=1", "/api/v1/claims", 200},
		{"/api/v1/claims?limit=101", "/api/v1/claims", 400},
		{"/api/v1/claims?min_corroboration=x", "/api/v1/claims", 400},
		{"/api/v1/claims?entity=Nobody+Atall", "/api/v1/claims", 404},
		{"/api/v1/events", "/api/v1/events", 200},
		{"/api/v1/events?place=Anantnag&entity=" + rauf + "&type=attack&from=2026-04&to=2026-04-30", "/api/v1/events", 200},
		{"/api/v1/events?limit=1&offset=1", "/api/v1/events", 200},
		{"/api/v1/events?to=tomorrow", "/api/v1/events", 400},
		{"/api/v1/events?place=Nowhere+Atall", "/api/v1/events", 404},
		{"/api/v1/quotes", "/api/v1/quotes", 200},
		{"/api/v1/quotes?speaker=" + rauf + "&doc=" + doc, "/api/v1/quotes", 200},
		{"/api/v1/quotes?limit=1&offset=1", "/api/v1/quotes", 200},
		{"/api/v1/quotes?limit=501", "/api/v1/quotes", 400},
		{"/api/v1/quotes?doc=sha256:00", "/api/v1/quotes", 404},
		{"/api/v1/timeline?place=Anantnag", "/api/v1/timeline", 200},
	} {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, f.srv.URL+tt.path)
			if resp.StatusCode != tt.code {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.code, body)
			}
			ref := spec.Paths[tt.spec]["get"].Responses[itoa(tt.code)].Content["application/json"].Schema.Ref
			name, ok := strings.CutPrefix(ref, "#/components/schemas/")
			if !ok {
				t.Fatalf("openapi.json gives no schema for %s %d", tt.spec, tt.code)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if err := openAPISchema(t, name).Validate(inst); err != nil {
				t.Errorf("response does not match %s: %v\n%s", name, err, body)
			}
		})
	}
}

// TestOpenAPISchemasReject checks the schemas are strict enough to catch a
// response that drifted from them.
func TestOpenAPISchemasReject(t *testing.T) {
	for _, tt := range []struct{ schema, body string }{
		{"DocumentList", `{"documents": [], "limit": 1}`},
		{"DocumentList", `{"documents": [{"id": "sha256:00", "text": ""}], "limit": 1, "offset": 0}`},
		{"Stats", `{"documents": 1, "clusters": 1, "entities": 1, "mentions": 1, "relations": 1, "events": 1, "quotes": 1, "extra": 2}`},
		{"Place", `{"name": "x", "class": "city", "lat": 91, "lon": 0, "names": [], "mentions": 0, "document_count": 0, "documents": []}`},
		{"Attribution", `{"id": "a1", "kind": "rumour", "text": "x"}`},
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		if openAPISchema(t, tt.schema).Validate(inst) == nil {
			t.Errorf("%s accepts %s", tt.schema, tt.body)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
