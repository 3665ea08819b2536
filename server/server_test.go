package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// hostile is an article whose text and metadata try to run script in the
// page.
const hostile = `<script>alert("x")</script> Officials in <img src=x onerror=alert(1)> Srinagar said the attack was planned.`

func newTestServer(t *testing.T) (*httptest.Server, []*dossier.Document) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	texts := []struct{ title, text, url string }{
		{"Nine killed near Anantnag", "SRINAGAR, April 21 (FNA) — Gunmen killed nine tourists near Anantnag on Tuesday, police said.", "https://example.test/a"},
		{`Hostile "title" <b>bold</b>`, hostile, "javascript:alert(1)"},
	}
	var docs []*dossier.Document
	for i, tt := range texts {
		d := &dossier.Document{Title: tt.title, Text: tt.text, URL: tt.url, Outlet: "FNA",
			Published: time.Date(2026, 4, 21+i, 0, 0, 0, 0, time.UTC), Ingested: time.Date(2026, 4, 22, 0, 0, i, 0, time.UTC)}
		d.ID = dedup.ID(d.Text)
		d.Cluster = d.ID
		ex := dossier.NewExtraction(d, "test")
		if i == 0 {
			start := strings.Index(d.Text, "Anantnag")
			ex.Entities = append(ex.Entities, dossier.Entity{ID: "e1", Type: dossier.GPE, Name: "Anantnag",
				Mentions: []dossier.Mention{{Start: start, End: start + len("Anantnag"), Text: "Anantnag"}}})
		}
		if _, err := st.PutDocument(context.Background(), d, ex, dedup.Sketch(d.Text)); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	srv := httptest.NewServer(New(st, nil))
	t.Cleanup(srv.Close)
	return srv, docs
}

func get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestAPI(t *testing.T) {
	srv, docs := newTestServer(t)
	resp, body := get(t, srv.URL+"/healthz")
	if resp.StatusCode != 200 || !strings.Contains(body, `"ok"`) {
		t.Fatalf("healthz: %d %s", resp.StatusCode, body)
	}

	resp, body = get(t, srv.URL+"/api/v1/documents?limit=1")
	var list documentList
	if err := json.Unmarshal([]byte(body), &list); err != nil || resp.StatusCode != 200 {
		t.Fatalf("documents: %d %v %s", resp.StatusCode, err, body)
	}
	if len(list.Documents) != 1 || list.NextOffset == nil || *list.NextOffset != 1 {
		t.Fatalf("first page: %+v", list)
	}
	if list.Documents[0].Text != "" {
		t.Error("the list carries document texts")
	}
	_, body = get(t, srv.URL+"/api/v1/documents?limit=1&offset=1")
	var last documentList
	if err := json.Unmarshal([]byte(body), &last); err != nil || len(last.Documents) != 1 || last.NextOffset != nil {
		t.Fatalf("last page: %+v %v", last, err)
	}

	resp, body = get(t, srv.URL+"/api/v1/documents/"+url.PathEscape(docs[0].ID))
	var detail documentDetail
	if err := json.Unmarshal([]byte(body), &detail); err != nil || resp.StatusCode != 200 {
		t.Fatalf("document: %d %v", resp.StatusCode, err)
	}
	if detail.Document.Text != docs[0].Text || len(detail.Extraction.Entities) != 1 {
		t.Fatalf("document detail: %+v", detail)
	}

	for path, code := range map[string]int{
		"/api/v1/documents/sha256:nope":  404,
		"/api/v1/documents?limit=0":      400,
		"/api/v1/documents?limit=100000": 400,
		"/api/v1/documents?offset=-1":    400,
		"/api/v1/nothing":                404,
	} {
		resp, body := get(t, srv.URL+path)
		if resp.StatusCode != code {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, code)
		}
		if code != 404 || strings.HasPrefix(path, "/api/v1/documents/") {
			if !strings.Contains(body, `"error"`) {
				t.Errorf("%s: error body %q is not a JSON error", path, body)
			}
		}
	}

	_, body = get(t, srv.URL+"/api/v1/search?q=Anantnag")
	var sr searchResult
	if err := json.Unmarshal([]byte(body), &sr); err != nil || len(sr.Hits) != 1 || sr.Hits[0].ID != docs[0].ID {
		t.Fatalf("search: %s", body)
	}
}

func TestPagesEscapeUntrustedText(t *testing.T) {
	srv, docs := newTestServer(t)
	resp, body := get(t, srv.URL+"/")
	if resp.StatusCode != 200 || !strings.Contains(body, "Nine killed near Anantnag") {
		t.Fatalf("index: %d", resp.StatusCode)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Fatalf("no strict CSP: %q", csp)
	}
	for _, d := range docs {
		resp, body := get(t, srv.URL+"/documents/"+url.PathEscape(d.ID))
		if resp.StatusCode != 200 {
			t.Fatalf("reader %s: %d", d.ID, resp.StatusCode)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold", `href="javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("reader page of %q contains unescaped %q", d.Title, bad)
			}
		}
	}
	_, body = get(t, srv.URL+"/documents/"+url.PathEscape(docs[0].ID))
	if !strings.Contains(body, `<mark class="GPE"`) {
		t.Error("reader does not highlight the mention")
	}
	resp, _ = get(t, srv.URL+"/documents/sha256:missing")
	if resp.StatusCode != 404 {
		t.Errorf("missing document page: %d", resp.StatusCode)
	}
}

func TestEmptyStoreSaysWhatToDo(t *testing.T) {
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(New(st, nil))
	defer srv.Close()
	_, body := get(t, srv.URL+"/")
	if !strings.Contains(body, "dossier ingest") {
		t.Fatal("the empty start page does not tell a new user to ingest")
	}
}
