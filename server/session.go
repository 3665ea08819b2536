package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// The pages' write actions (merge, split, not-same, undo) are HTML forms.
// A browser unlocks them by posting the server's write token once to
// /login, which opens a session: an HttpOnly, SameSite=Strict cookie names
// it, and every form carries the session's own CSRF token, which the
// server compares in constant time before it records anything. Without a
// write token the server is read-only: no form is shown and every write is
// refused.

const (
	// sessionCookie names the session cookie.
	sessionCookie = "dossier_session"
	// sessionLife is how long a session lasts after its login.
	sessionLife = 12 * time.Hour
	// maxSessions bounds the open sessions: past it the oldest goes.
	maxSessions = 256
	// csrfField is the form field that carries the CSRF token.
	csrfField = "csrf"
)

// session is one unlocked browser.
type session struct {
	// CSRF is the token every form of the session must carry.
	CSRF string
	// Who names the analyst in the decisions the session records.
	Who     string
	expires time.Time
}

// sessions are the open sessions, by cookie value.
type sessions struct {
	mu sync.Mutex
	m  map[string]session
}

// randomHex returns n random bytes as hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}

// open starts a session for who and returns its cookie value.
func (ss *sessions) open(who string) (string, session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.m == nil {
		ss.m = map[string]session{}
	}
	now := time.Now()
	for id, s := range ss.m {
		if now.After(s.expires) {
			delete(ss.m, id)
		}
	}
	for len(ss.m) >= maxSessions {
		oldest := ""
		for id, s := range ss.m {
			if oldest == "" || s.expires.Before(ss.m[oldest].expires) {
				oldest = id
			}
		}
		delete(ss.m, oldest)
	}
	id := randomHex(32)
	s := session{CSRF: randomHex(32), Who: who, expires: now.Add(sessionLife)}
	ss.m[id] = s
	return id, s
}

// get returns the live session of cookie value id.
func (ss *sessions) get(id string) (session, bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s, ok := ss.m[id]
	if !ok || time.Now().After(s.expires) {
		delete(ss.m, id)
		return session{}, false
	}
	return s, true
}

// close ends session id.
func (ss *sessions) close(id string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.m, id)
}

// writer says what a page may offer: whether the server takes writes, and
// the request's session when it has one.
type writer struct {
	// Writes is set when the server has a write token.
	Writes bool
	// CSRF is the session's token for the forms, "" when not logged in.
	CSRF string
	// Who names the logged-in analyst.
	Who string
}

// writerOf returns what r's page may offer.
func (s *Server) writerOf(r *http.Request) writer {
	if s.token == "" {
		return writer{}
	}
	w := writer{Writes: true}
	if sess, ok := s.sessionOf(r); ok {
		w.CSRF, w.Who = sess.CSRF, sess.Who
	}
	return w
}

// sessionOf returns r's session.
func (s *Server) sessionOf(r *http.Request) (session, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return session{}, false
	}
	return s.sessions.get(c.Value)
}

// errForbidden is a write the server refuses; its message is shown.
type errForbidden string

func (e errForbidden) Error() string { return string(e) }

// checkForm refuses a form post that is not from a logged-in session of
// this server, or whose CSRF token is not the session's.
func (s *Server) checkForm(r *http.Request) (session, error) {
	if s.token == "" {
		return session{}, errForbidden("This server is read-only: start it with dossier serve --token to record decisions.")
	}
	if !sameOrigin(r) {
		return session{}, errForbidden("This form was posted from another site.")
	}
	sess, ok := s.sessionOf(r)
	if !ok {
		return session{}, errForbidden("Log in with the server's write token first.")
	}
	if subtle.ConstantTimeCompare([]byte(r.PostFormValue(csrfField)), []byte(sess.CSRF)) != 1 {
		return session{}, errForbidden("The form's security token is missing or stale: reload the page and try again.")
	}
	return sess, nil
}

// sameOrigin reports whether r, a form post, did not come from another
// site: a browser names the origin of the page a form was posted from, and
// another site's is refused before anything else (the CSRF token would
// refuse it too; the login form has none to check).
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" || o == "null" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}

// loginPage is the data of the login page.
type loginPage struct {
	chrome
	writer
	Next    string
	Message string
}

// localPath returns next when it is a path on this server, else "/".
func localPath(next string) string {
	// Browsers drop tabs and newlines from addresses, so "/\t/host" would
	// lead off the server: no control character is kept.
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsFunc(next, func(c rune) bool { return c == '\\' || c < ' ' || c == 0x7f }) {
		return "/"
	}
	return next
}

func (s *Server) pageLogin(w http.ResponseWriter, r *http.Request) {
	p := loginPage{chrome: chrome{Title: "Unlock decisions", Nav: "decisions"}, writer: s.writerOf(r), Next: localPath(r.URL.Query().Get("next"))}
	code := http.StatusOK
	if !p.Writes {
		code = http.StatusForbidden
	}
	s.render(w, r, "login.html", code, p)
}

func (s *Server) postLogin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxDecisionBody)
	p := loginPage{chrome: chrome{Title: "Unlock decisions", Nav: "decisions"}, writer: s.writerOf(r), Next: localPath(r.PostFormValue("next"))}
	if !p.Writes {
		p.Message = "This server is read-only: start it with dossier serve --token to record decisions."
		s.render(w, r, "login.html", http.StatusForbidden, p)
		return
	}
	if !sameOrigin(r) {
		p.Message = "This form was posted from another site."
		s.render(w, r, "login.html", http.StatusForbidden, p)
		return
	}
	if subtle.ConstantTimeCompare([]byte(r.PostFormValue("token")), []byte(s.token)) != 1 {
		p.Message = "That is not the server's write token."
		s.render(w, r, "login.html", http.StatusForbidden, p)
		return
	}
	who := strings.TrimSpace(r.PostFormValue("who"))
	if who == "" || len(who) > 64 {
		who = "web"
	}
	id, _ := s.sessions.open(who)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: r.TLS != nil, MaxAge: int(sessionLife.Seconds())})
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
}

func (s *Server) postLogout(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxDecisionBody)
	if _, err := s.checkForm(r); err != nil {
		s.pageError(w, r, err)
		return
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.sessions.close(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/decisions", http.StatusSeeOther)
}
