package ingest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"
)

// newsServer serves the pages of the fetch tests on loopback.
func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/jk/drones", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, htmlArticle)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(fixture(t, "valley.rss"))
	})
	mux.HandleFunc("/wire/brief", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(fixture(t, "attack.txt"))
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		fmt.Fprint(w, "<html><body><p>MUZAFFARABAD, April 25 (Capital Wire) - A caf\xe9 owner said police had questioned him about two guests.</p></body></html>")
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/jk/drones", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>Gunmen opened fire")
		w.(http.Flusher).Flush()
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(3<<20))
		w.Write([]byte(strings.Repeat("<p>The search went on through the night.</p>\n", (3<<20)/40))[:3<<20])
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 3 << 10 {
			fmt.Fprint(w, strings.Repeat("<p>The search went on.</p>", 40))
		}
	})
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00"))
	})
	mux.HandleFunc("/octet", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte("\x00\x01\x02\x03binary\x00\x00"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestReadURL(t *testing.T) {
	srv := newsServer(t)
	tests := []struct {
		name, path string
		opt        func(*Options)
		want       []want
		errs       []string
		is         error
	}{
		{
			name: "HTML page", path: "/jk/drones",
			want: []want{{Format: FormatHTML, Title: "Drones sent over Pahalgam forests", Outlet: "Valley Times", Place: "Pahalgam", URL: srv.URL + "/jk/drones", Source: "/jk/drones", Lacks: []string{"Home", "Copyright"}}},
		},
		{
			name: "redirect followed, final URL kept", path: "/old",
			want: []want{{Format: FormatHTML, URL: srv.URL + "/jk/drones", Source: "/jk/drones"}},
		},
		{
			name: "feed", path: "/feed",
			want: []want{{Input: "/feed#1", Format: FormatFeed, URL: "https://valleytimes.example/jk/search-operation-third-day"}, {Input: "/feed#2", Format: FormatFeed}},
			errs: []string{"/feed#3: no article text found"},
		},
		{
			name: "plain text", path: "/wire/brief",
			want: []want{{Format: FormatText, Title: "Curfew imposed in parts of Anantnag district", Place: "Srinagar"}},
		},
		{
			name: "charset from Content-Type", path: "/latin1",
			want: []want{{Format: FormatHTML, Place: "Muzaffarabad", Has: []string{"A café owner"}}},
		},
		{name: "not found", path: "/missing", errs: []string{"/missing: HTTP 404 Not Found"}},
		{name: "redirect loop", path: "/loop", errs: []string{"/loop: stopped after 5 redirects"}},
		{
			name: "timeout before headers", path: "/slow", opt: func(o *Options) { o.Timeout = 200 * time.Millisecond },
			errs: []string{"/slow: timed out after 200ms"}, is: context.DeadlineExceeded,
		},
		{
			name: "timeout in body", path: "/slow-body", opt: func(o *Options) { o.Timeout = 300 * time.Millisecond },
			errs: []string{"/slow-body: timed out after 300ms"}, is: context.DeadlineExceeded,
		},
		{
			name: "over the limit by Content-Length", path: "/big", opt: func(o *Options) { o.MaxBytes = 1 << 20 },
			errs: []string{"/big: is 3.1 MB, over the 1 MiB limit (--max-size)"},
		},
		{
			name: "over the limit while reading", path: "/big-chunked", opt: func(o *Options) { o.MaxBytes = 1 << 20 },
			errs: []string{"/big-chunked: is over the 1 MiB limit (--max-size)"},
		},
		{name: "image", path: "/logo.png", errs: []string{"/logo.png: unsupported format: Content-Type image/png is not an article"}, is: ErrUnsupported},
		{name: "binary", path: "/octet", errs: []string{"/octet: binary content, not text"}, is: ErrBinary},
		{
			name: "private address refused", path: "/jk/drones", opt: func(o *Options) { o.AllowPrivate = false },
			errs: []string{"/jk/drones: refused to fetch a private or local address (use --allow-private): 127.0.0.1"}, is: ErrPrivate,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := testOptions()
			opt.AllowPrivate = true
			if tt.opt != nil {
				tt.opt(&opt)
			}
			var docs []Item
			var errs []error
			for _, it := range collect(t, srv.URL+tt.path, opt) {
				if it.Err != nil {
					errs = append(errs, it.Err)
				} else {
					docs = append(docs, it)
				}
			}
			if len(docs) != len(tt.want) || len(errs) != len(tt.errs) {
				t.Fatalf("got %d documents and errors %v, want %d and %d", len(docs), errs, len(tt.want), len(tt.errs))
			}
			for i, w := range tt.want {
				w.check(t, docs[i])
			}
			for i, want := range tt.errs {
				msg := errs[i].Error()
				if !strings.HasPrefix(msg, srv.URL) || !strings.Contains(msg, want) {
					t.Errorf("error = %q, want %q", msg, srv.URL+want)
				}
				if tt.is != nil && !errors.Is(errs[i], tt.is) {
					t.Errorf("error %q is not %v", msg, tt.is)
				}
			}
		})
	}
}

// TestPrivateAddressCheckedAtDial checks that the refusal does not rest on
// the host string: a name that resolves to a loopback or private address
// is refused when dialled.
func TestPrivateAddressCheckedAtDial(t *testing.T) {
	srv := newsServer(t)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	client := newClient(Options{Timeout: 2 * time.Second})
	// "localhost" resolves (through /etc/hosts) to 127.0.0.1 or ::1: the
	// client alone, without Read's check of the host string, refuses it.
	_, err := client.Get("http://localhost:" + port + "/jk/drones")
	if !errors.Is(err, ErrPrivate) {
		t.Errorf("GET localhost: err = %v, want %v", err, ErrPrivate)
	}
	// The machine's own name resolves to a non-public address too; Read
	// does not know it by its string and must refuse it at dial time.
	host, err := os.Hostname()
	if err != nil {
		t.Skip("no host name")
	}
	addrs, err := net.LookupHost(host)
	if err != nil || len(addrs) == 0 {
		t.Skipf("host name %q does not resolve", host)
	}
	for _, a := range addrs {
		if ip, err := netip.ParseAddr(a); err != nil || isPublic(ip) {
			t.Skipf("host name %q resolves to public address %s", host, a)
		}
	}
	items := collect(t, "http://"+host+":"+port+"/jk/drones", Options{Timeout: 2 * time.Second})
	if len(items) != 1 || !errors.Is(items[0].Err, ErrPrivate) {
		t.Errorf("items = %+v, want one refusal", items)
	}
}

func TestIsPublic(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2a00:1450:4001:80b::200e": true, "93.184.216.34": true,
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "100.64.0.1": false, "0.0.0.0": false, "::1": false,
		"::ffff:127.0.0.1": false, "fe80::1": false, "fd00::1": false, "224.0.0.1": false,
		"255.255.255.255": false,
	} {
		if got := isPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("isPublic(%s) = %v, want %v", addr, got, want)
		}
	}
}
