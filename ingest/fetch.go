package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"syscall"
	"time"
)

// maxRedirects bounds the redirects followed by a fetch.
const maxRedirects = 5

// StatusError reports a fetch answered with a status other than 2xx.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string { return "HTTP " + e.Status }

// privateAddrError is the refusal of a dial to a non-public address.
type privateAddrError struct{ addr netip.Addr }

func (e *privateAddrError) Error() string {
	return fmt.Sprintf("%v: %s", ErrPrivate, e.addr)
}

func (e *privateAddrError) Is(target error) bool { return target == ErrPrivate }

// nonPublic lists the special-purpose IPv4 ranges that netip does not
// classify: shared address space (carrier-grade NAT), "this network",
// IETF protocol assignments, benchmarking, reserved.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// isPublic reports whether addr is a globally routable unicast address.
func isPublic(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() || addr.IsMulticast() ||
		addr.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// newClient returns the HTTP client of Read. Unless AllowPrivate is set,
// every address it dials — after DNS resolution, for the first request and
// every redirect alike — must be public, so a host name that resolves to
// 127.0.0.1 or 169.254.169.254 is refused as surely as the literal address.
func newClient(opt Options) *http.Client {
	dialer := &net.Dialer{Timeout: opt.Timeout, KeepAlive: 30 * time.Second}
	if !opt.AllowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: unparsable address %q", ErrPrivate, address)
			}
			if !isPublic(ap.Addr()) {
				return &privateAddrError{ap.Addr()}
			}
			return nil
		}
	}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                 nil, // a proxy would dial for us, unchecked
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			TLSHandshakeTimeout:   opt.Timeout,
			ResponseHeaderTimeout: opt.Timeout,
			MaxIdleConns:          16,
			IdleConnTimeout:       90 * time.Second,
		},
		CheckRedirect: checkRedirect,
	}
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
	}
	return nil
}

// readURL fetches one http(s) URL and reads it by its content: an HTML
// page, a feed or plain text.
func readURL(ctx context.Context, rawURL string, opt Options, yield func(Item) bool) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		fail(yield, rawURL, fmt.Errorf("bad URL: %v", err))
		return
	}
	if !opt.AllowPrivate {
		// Refuse literal addresses and localhost before dialling, for a
		// clearer message; names are checked at dial time.
		host := u.Hostname()
		if a, err := netip.ParseAddr(host); err == nil && !isPublic(a) {
			fail(yield, rawURL, &privateAddrError{a})
			return
		}
		if h := strings.ToLower(strings.TrimSuffix(host, ".")); h == "localhost" || strings.HasSuffix(h, ".localhost") {
			fail(yield, rawURL, fmt.Errorf("%w: %s", ErrPrivate, host))
			return
		}
	}
	client := opt.HTTPClient
	if client == nil {
		client = newClient(opt)
		defer client.CloseIdleConnections()
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		fail(yield, rawURL, err)
		return
	}
	req.Header.Set("User-Agent", "dossier-ingest/1.0")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		fail(yield, rawURL, fetchErr(ctx, err, opt.Timeout))
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		fail(yield, rawURL, &StatusError{Code: resp.StatusCode, Status: resp.Status})
		return
	}
	if resp.ContentLength > opt.MaxBytes {
		fail(yield, rawURL, &TooLargeError{Size: resp.ContentLength, Limit: opt.MaxBytes})
		return
	}
	ctype := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ctype)
	if kind, _, _ := strings.Cut(mt, "/"); kind == "image" || kind == "audio" || kind == "video" || kind == "font" {
		fail(yield, rawURL, fmt.Errorf("%w: Content-Type %s is not an article", ErrUnsupported, mt))
		return
	}
	final := resp.Request.URL.String()
	src := &source{input: rawURL, locator: final, url: final, size: -1, ctype: ctype}
	body := &fetchBody{r: resp.Body, ctx: ctx, timeout: opt.Timeout}
	name := path.Base(resp.Request.URL.Path)
	if resp.Header.Get("Content-Encoding") != "" {
		name = "" // already decoded by the transport
	}
	readSource(ctx, src, name, body, opt, yield)
}

// fetchBody reports a body cut short by the fetch timeout as a timeout.
type fetchBody struct {
	r       io.Reader
	ctx     context.Context
	timeout time.Duration
}

func (b *fetchBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF {
		err = fetchErr(b.ctx, err, b.timeout)
	}
	return n, err
}

func fetchErr(ctx context.Context, err error, timeout time.Duration) error {
	var pe *privateAddrError
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.Is(err, ErrPrivate):
		return ErrPrivate
	case errors.Is(ctx.Err(), context.DeadlineExceeded), errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return fmt.Errorf("timed out after %s: %w", timeout, context.DeadlineExceeded)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
