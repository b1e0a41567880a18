package key

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"
)

// Errors of the network guard; compare with errors.Is.
var (
	ErrOffline          = errors.New("network access is disabled (offline mode)")
	ErrForbiddenAddr    = errors.New("refusing to connect to a private, loopback, link-local or unspecified address")
	ErrTooLarge         = errors.New("document is too large")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrInsecureURL      = errors.New("only https URLs can be fetched")
	ErrFetch            = errors.New("could not fetch document")
)

// Blocked address ranges beyond what netip.Addr's predicates cover.
var extraBlocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),   // NAT64 can reach IPv4 private ranges
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("2002::/16"),      // 6to4 embeds IPv4 addresses
}

// IsPublicAddr reports whether a connection to ip is allowed without AllowPrivate.
func IsPublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range extraBlocked {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// guardControl checks the address actually dialled, after DNS resolution, so that a
// host name that resolves (or re-resolves) to a private address is refused too.
func guardControl(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrForbiddenAddr, address)
	}
	if !IsPublicAddr(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrForbiddenAddr, ap.Addr())
	}
	return nil
}

func (r *Resolver) newClient() *http.Client {
	dialer := &net.Dialer{Timeout: r.timeout(), KeepAlive: 30 * time.Second}
	if !r.AllowPrivate {
		dialer.Control = guardControl
	}
	tlsConf := r.TLSConfig
	if tlsConf == nil {
		tlsConf = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	tr := &http.Transport{
		Proxy: nil, // a proxy would dial on our behalf and bypass the address check
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if r.dialRewrite != nil {
				addr = r.dialRewrite(addr) // tests: stand in for DNS answering a private address
			}
			return dialer.DialContext(ctx, network, addr)
		},
		TLSClientConfig:       tlsConf,
		TLSHandshakeTimeout:   r.timeout(),
		ResponseHeaderTimeout: r.timeout(),
		MaxIdleConns:          16,
		IdleConnTimeout:       60 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	maxRedirects := r.MaxRedirects
	if maxRedirects == 0 {
		maxRedirects = 3
	}
	return &http.Client{
		Transport: tr,
		Timeout:   r.timeout(),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects || maxRedirects < 0 {
				return ErrTooManyRedirects
			}
			if err := r.checkScheme(req.URL); err != nil {
				return err
			}
			return nil
		},
	}
}

func (r *Resolver) timeout() time.Duration {
	if r.Timeout > 0 {
		return r.Timeout
	}
	return 10 * time.Second
}

func (r *Resolver) maxBytes() int64 {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return DefaultMaxBytes
}

func (r *Resolver) checkScheme(u *url.URL) error {
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && r.AllowHTTP:
	default:
		return fmt.Errorf("%w: %s", ErrInsecureURL, u.Redacted())
	}
	if u.User != nil {
		return fmt.Errorf("%w: URLs with user information are not fetched", ErrInsecureURL)
	}
	if !r.AllowPrivate {
		// Literal addresses are refused before dialling, for a clearer error.
		if ip, err := netip.ParseAddr(u.Hostname()); err == nil && !IsPublicAddr(ip) {
			return fmt.Errorf("%w: %s", ErrForbiddenAddr, ip)
		}
		if u.Hostname() == "localhost" {
			return fmt.Errorf("%w: localhost", ErrForbiddenAddr)
		}
	}
	return nil
}

// get performs a guarded GET of rawURL and returns the body, at most maxBytes long.
func (r *Resolver) get(ctx context.Context, rawURL string) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%w: invalid URL %q", ErrFetch, rawURL)
	}
	if err := r.checkScheme(u); err != nil {
		return nil, err
	}
	r.clientOnce.Do(func() { r.client = r.newClient() })
	ctx, cancel := context.WithTimeout(ctx, r.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFetch, err)
	}
	req.Header.Set("Accept", "application/did+json, application/ld+json, application/json;q=0.9, */*;q=0.1")
	req.Header.Set("User-Agent", "pokot-credential-verifier")
	resp, err := r.client.Do(req)
	if err != nil {
		for _, sentinel := range []error{ErrForbiddenAddr, ErrTooManyRedirects, ErrInsecureURL} {
			if errors.Is(err, sentinel) {
				return nil, fmt.Errorf("fetch %s: %w", u.Redacted(), err)
			}
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrFetch, u.Redacted(), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: %s answered HTTP %d", ErrFetch, u.Redacted(), resp.StatusCode)
	}
	limit := r.maxBytes()
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%w: %s is %d bytes, the limit is %d", ErrTooLarge, u.Redacted(), resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrFetch, u.Redacted(), err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: %s is larger than %d bytes", ErrTooLarge, u.Redacted(), limit)
	}
	return body, nil
}
