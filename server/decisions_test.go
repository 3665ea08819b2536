package server

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/dossier-osint/dossier/store"
)

func TestDecisionsNeedTheToken(t *testing.T) {
	f := newGraphFixture(t)
	post := func(url, token, body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, url+"/api/v1/decisions", bytes.NewBufferString(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	merge := `{"kind": "not-same", "a": "Abdul Rauf", "b": "Imran Lone", "why": "two men", "who": "tester"}`

	// The default server is read-only.
	if code, body := post(f.srv.URL, "", merge); code == http.StatusOK {
		t.Fatalf("a read-only server recorded a decision: %s", body)
	}

	s := New(f.st, nil)
	const token = "0123456789abcdef0123"
	if err := s.EnableWrites("short"); err == nil {
		t.Errorf("a 5-character token was accepted")
	}
	if err := s.EnableWrites(token); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, tok := range []string{"", "wrong-token-wrong-token"} {
		if code, body := post(srv.URL, tok, merge); code != http.StatusUnauthorized {
			t.Errorf("token %q: status %d %s, want 401", tok, code, body)
		}
	}
	if code, body := post(srv.URL, token, `{"kind": "merge", "a": "Abdul Rauf", "b": "Imran Lone"}`); code != http.StatusBadRequest {
		t.Errorf("a merge without why: status %d %s, want 400", code, body)
	}
	if code, body := post(srv.URL, token, `{"kind": "explode"}`); code != http.StatusBadRequest {
		t.Errorf("an unknown kind: status %d %s, want 400", code, body)
	}
	code, body := post(srv.URL, token, merge)
	if code != http.StatusOK {
		t.Fatalf("not-same with the token: status %d %s", code, body)
	}
	ds, err := f.st.Decisions(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range ds {
		if d.Kind == store.DecisionNotSame && d.Who == "tester" && d.Why == "two men" {
			found = true
		}
	}
	if !found {
		t.Errorf("the decision is not in the store: %+v", ds)
	}
}
