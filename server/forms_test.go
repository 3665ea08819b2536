package server

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dossier-osint/dossier/store"
)

const testToken = "0123456789abcdef0123"

// formClient is a browser-like client: it keeps cookies and does not
// follow redirects, so a test sees where a post leads.
type formClient struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newFormClient(t *testing.T, base string) *formClient {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &formClient{t: t, base: base, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (fc *formClient) do(req *http.Request) (*http.Response, string) {
	fc.t.Helper()
	resp, err := fc.c.Do(req)
	if err != nil {
		fc.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		fc.t.Fatal(err)
	}
	return resp, string(b)
}

func (fc *formClient) get(path string) (*http.Response, string) {
	fc.t.Helper()
	req, err := http.NewRequest(http.MethodGet, fc.base+path, nil)
	if err != nil {
		fc.t.Fatal(err)
	}
	return fc.do(req)
}

// post posts a form; header adds request headers.
func (fc *formClient) post(path string, form url.Values, header ...string) (*http.Response, string) {
	fc.t.Helper()
	req, err := http.NewRequest(http.MethodPost, fc.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		fc.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return fc.do(req)
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrfOf returns the CSRF token of the forms of page.
func csrfOf(t *testing.T, page string) string {
	t.Helper()
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no CSRF token in the page")
	}
	return m[1]
}

// login logs fc in with token and returns the session's CSRF token, read
// from entity's profile.
func (fc *formClient) login(token, entity string) string {
	fc.t.Helper()
	resp, body := fc.post("/login", url.Values{"token": {token}, "who": {"tester"}, "next": {"/entities/" + entity}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/entities/"+entity {
		fc.t.Fatalf("login: %d to %q: %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	_, page := fc.get("/entities/" + entity)
	return csrfOf(fc.t, page)
}

func writableServer(t *testing.T, st store.Store) *httptest.Server {
	s := New(st, nil)
	if err := s.EnableWrites(testToken); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

func decisionCount(t *testing.T, st store.Store) int {
	t.Helper()
	ds, err := st.Decisions(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	return len(ds)
}

func TestFormsOnAReadOnlyServer(t *testing.T) {
	f := newGraphFixture(t)
	rauf, lone := globalID(t, f.st, "Abdul Rauf"), globalID(t, f.st, "Imran Lone")
	fc := newFormClient(t, f.srv.URL)
	_, page := fc.get("/entities/" + rauf)
	for _, s := range []string{`id="decide"`, `id="merge-form"`, `id="unlock-link"`, `name="csrf"`} {
		if strings.Contains(page, s) {
			t.Errorf("a read-only server's profile has %s", s)
		}
	}
	if resp, _ := fc.post("/login", url.Values{"token": {testToken}}); resp.StatusCode != http.StatusForbidden || resp.Header.Get("Set-Cookie") != "" {
		t.Errorf("login on a read-only server: %d, cookie %q", resp.StatusCode, resp.Header.Get("Set-Cookie"))
	}
	resp, body := fc.post("/decisions", url.Values{"kind": {"merge"}, "entity": {rauf}, "other": {lone}, "why": {"x"}, "csrf": {"0"}})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "read-only") {
		t.Errorf("a decision posted to a read-only server: %d", resp.StatusCode)
	}
	if n := decisionCount(t, f.st); n != 0 {
		t.Errorf("%d decisions recorded", n)
	}
}

func TestFormsNeedLoginAndCSRF(t *testing.T) {
	f := newGraphFixture(t)
	srv := writableServer(t, f.st)
	rauf, lone := globalID(t, f.st, "Abdul Rauf"), globalID(t, f.st, "Imran Lone")
	merge := func(csrf string) url.Values {
		return url.Values{"kind": {"merge"}, "entity": {rauf}, "other": {lone}, "why": {"one man"}, "csrf": {csrf}}
	}
	before := decisionCount(t, f.st)

	// Not logged in: the profile offers the login, not the forms.
	anon := newFormClient(t, srv.URL)
	_, page := anon.get("/entities/" + rauf)
	if !strings.Contains(page, `id="unlock-link"`) || strings.Contains(page, `id="merge-form"`) {
		t.Errorf("the profile before login: unlock link %v, merge form %v", strings.Contains(page, `id="unlock-link"`), strings.Contains(page, `id="merge-form"`))
	}
	if resp, _ := anon.post("/login", url.Values{"token": {"wrong-token-wrong-token"}}); resp.StatusCode != http.StatusForbidden || resp.Header.Get("Set-Cookie") != "" {
		t.Errorf("login with a wrong token: %d, cookie %q", resp.StatusCode, resp.Header.Get("Set-Cookie"))
	}

	// Logged in, in another browser: its token is no good without its
	// cookie.
	fc := newFormClient(t, srv.URL)
	csrf := fc.login(testToken, rauf)
	if resp, _ := anon.post("/decisions", merge(csrf)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a form with a CSRF token but no session: %d, want 403", resp.StatusCode)
	}
	// The session alone is not enough either.
	for name, tok := range map[string]string{"none": "", "wrong": strings.Repeat("0", len(csrf)), "short": csrf[:10]} {
		if resp, _ := fc.post("/decisions", merge(tok)); resp.StatusCode != http.StatusForbidden {
			t.Errorf("CSRF token %s: %d, want 403", name, resp.StatusCode)
		}
	}
	other := newFormClient(t, srv.URL)
	otherCSRF := other.login(testToken, rauf)
	if resp, _ := fc.post("/decisions", merge(otherCSRF)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another session's CSRF token: %d, want 403", resp.StatusCode)
	}
	if resp, _ := fc.post("/decisions", merge(csrf), "Origin", "https://evil.example"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a post from another origin: %d, want 403", resp.StatusCode)
	}
	if n := decisionCount(t, f.st); n != before {
		t.Fatalf("refused posts recorded %d decisions", n-before)
	}

	// Both: the merge is recorded and the profile says so.
	resp, body := fc.post("/decisions", merge(csrf), "Origin", srv.URL)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge with session and CSRF token: %d %s", resp.StatusCode, body)
	}
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/entities/"+rauf+"?done=") {
		t.Errorf("the merge leads to %s", loc)
	}
	if got := globalID(t, f.st, "Imran Lone"); got != rauf {
		t.Errorf("after the merge Imran Lone is %s, not %s", got, rauf)
	}
	_, page = fc.get(loc)
	if !strings.Contains(page, `id="done"`) || !strings.Contains(page, "Imran Lone") {
		t.Errorf("the profile after the merge does not show it")
	}
	ds, err := f.st.Decisions(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	last := ds[len(ds)-1]
	if last.Kind != store.DecisionMerge || last.Who != "tester" || last.Why != "one man" {
		t.Errorf("the recorded decision: %+v", last)
	}

	// Undo, from the decisions list.
	_, page = fc.get("/decisions")
	if !strings.Contains(page, `id="decision-`) || !strings.Contains(page, `class="undo"`) {
		t.Fatalf("the decisions list offers no undo")
	}
	resp, body = fc.post("/decisions", url.Values{"kind": {"undo"}, "decision": {itoa(int(last.ID))}, "csrf": {csrf}})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/decisions?done=") {
		t.Fatalf("undo: %d to %s: %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if got := globalID(t, f.st, "Imran Lone"); got == rauf {
		t.Errorf("after the undo Imran Lone is still %s", got)
	}
	// Undoing twice is refused, with the reason.
	if resp, body := fc.post("/decisions", url.Values{"kind": {"undo"}, "decision": {itoa(int(last.ID))}, "csrf": {csrf}}); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "already undone") {
		t.Errorf("undo twice: %d", resp.StatusCode)
	}

	// Split: one document's mentions out of Abdul Rauf.
	_, page = fc.get("/entities/" + rauf)
	if !strings.Contains(page, `id="split-form"`) {
		t.Fatal("no split form")
	}
	ms, err := f.st.Members(context.Background(), mustID(t, rauf))
	if err != nil || len(ms) < 2 {
		t.Fatalf("Abdul Rauf has %d members (%v)", len(ms), err)
	}
	if !strings.Contains(page, `value="`+ms[1].Ref().String()+`"`) {
		t.Errorf("the split form does not list member %s", ms[1].Ref())
	}
	resp, body = fc.post("/decisions", url.Values{"kind": {"split"}, "entity": {rauf}, "member": {ms[1].Ref().String()}, "why": {"another man"}, "csrf": {csrf}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("split: %d %s", resp.StatusCode, body)
	}
	if g, err := f.st.MemberOf(context.Background(), ms[1].Ref()); err != nil || store.EntityID(g) == rauf {
		t.Errorf("after the split %s is in %s (%v)", ms[1].Ref(), store.EntityID(g), err)
	}

	// Locked again, the session's token is refused.
	if resp, _ := fc.post("/logout", url.Values{"csrf": {csrf}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("logout: %d", resp.StatusCode)
	}
	if resp, _ := fc.post("/decisions", merge(csrf)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("after logout: %d, want 403", resp.StatusCode)
	}
}

func TestLoginCookieIsStrict(t *testing.T) {
	f := newFixture(t)
	srv := writableServer(t, f.st)
	fc := newFormClient(t, srv.URL)
	for _, next := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example", "/\t/evil.example", "/\n/evil.example"} {
		resp, _ := fc.post("/login", url.Values{"token": {testToken}, "next": {next}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Errorf("next %q: %d to %q, want / (no open redirect)", next, resp.StatusCode, resp.Header.Get("Location"))
		}
		c := resp.Header.Get("Set-Cookie")
		for _, want := range []string{sessionCookie + "=", "HttpOnly", "SameSite=Strict", "Path=/"} {
			if !strings.Contains(c, want) {
				t.Errorf("the session cookie %q lacks %s", c, want)
			}
		}
	}
}

func TestLoginFromAnotherSiteIsRefused(t *testing.T) {
	f := newFixture(t)
	srv := writableServer(t, f.st)
	fc := newFormClient(t, srv.URL)
	resp, _ := fc.post("/login", url.Values{"token": {testToken}}, "Origin", "https://evil.example")
	if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Set-Cookie") != "" {
		t.Errorf("a login posted from another site: %d, cookie %q", resp.StatusCode, resp.Header.Get("Set-Cookie"))
	}
	if resp, _ := fc.post("/login", url.Values{"token": {testToken}}, "Origin", srv.URL); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a login from the server's own page: %d", resp.StatusCode)
	}
}

func mustID(t *testing.T, ref string) int64 {
	t.Helper()
	id, ok := store.ParseEntityID(ref)
	if !ok {
		t.Fatalf("entity id %q", ref)
	}
	return id
}

// TestAPISplit splits over the API, and checks every answer against the
// OpenAPI document.
func TestAPISplit(t *testing.T) {
	f := newGraphFixture(t)
	srv := writableServer(t, f.st)
	rauf := globalID(t, f.st, "Abdul Rauf")
	ms, err := f.st.Members(context.Background(), mustID(t, rauf))
	if err != nil || len(ms) < 2 {
		t.Fatalf("Abdul Rauf has %d members (%v)", len(ms), err)
	}
	post := func(body string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/decisions", bytes.NewBufferString(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	valid := func(schema, body string) {
		t.Helper()
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if err := openAPISchema(t, schema).Validate(inst); err != nil {
			t.Errorf("%s does not match %s: %v", body, schema, err)
		}
	}
	for _, tt := range []struct {
		body string
		code int
	}{
		{`{"kind": "split", "entity": "` + rauf + `", "why": "x"}`, 400},
		{`{"kind": "split", "entity": "` + rauf + `", "members": ["sha256:00"], "why": "x"}`, 400},
		{`{"kind": "split", "entity": "` + rauf + `", "members": ["` + ms[0].Doc + `"]}`, 400},
		{`{"kind": "split", "entity": "E999999", "members": ["` + ms[0].Doc + `"], "why": "x"}`, 404},
	} {
		code, body := post(tt.body)
		if code != tt.code {
			t.Errorf("%s: %d %s, want %d", tt.body, code, body, tt.code)
		}
		valid("Error", body)
	}
	// All of one document's mentions, by the document's id.
	code, body := post(`{"kind": "split", "entity": "` + rauf + `", "members": ["` + ms[1].Doc + `"], "why": "a namesake", "who": "tester"}`)
	if code != http.StatusOK {
		t.Fatalf("split: %d %s", code, body)
	}
	valid("DecisionResult", body)
	res := decode[decisionResult](t, body)
	if res.Kind != "split" || res.Entity != rauf || res.New == "" || res.New == rauf || res.Decision == 0 {
		t.Errorf("split answered %+v", res)
	}
	if g, err := f.st.MemberOf(context.Background(), ms[1].Ref()); err != nil || store.EntityID(g) != res.New {
		t.Errorf("%s is in %s, not the new %s (%v)", ms[1].Ref(), store.EntityID(g), res.New, err)
	}
	code, body = post(`{"kind": "undo", "decision": ` + itoa(int(res.Decision)) + `}`)
	if code != http.StatusOK {
		t.Fatalf("undo: %d %s", code, body)
	}
	valid("DecisionResult", body)
	if got := globalID(t, f.st, "Abdul Rauf"); got != rauf {
		t.Errorf("after the undo Abdul Rauf is %s", got)
	}
	if g, err := f.st.MemberOf(context.Background(), ms[1].Ref()); err != nil || store.EntityID(g) != rauf {
		t.Errorf("after the undo %s is in %s (%v)", ms[1].Ref(), store.EntityID(g), err)
	}
	// Taking every member out is refused.
	var all []string
	for _, m := range ms {
		all = append(all, `"`+m.Ref().String()+`"`)
	}
	code, body = post(`{"kind": "split", "entity": "` + rauf + `", "members": [` + strings.Join(all, ",") + `], "why": "x"}`)
	if code != http.StatusConflict {
		t.Errorf("split out every member: %d %s", code, body)
	}
	valid("Error", body)
}
