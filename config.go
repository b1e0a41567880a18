package pokot

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"
)

// Config is the whole configuration of a pokot process. The zero-configuration default
// (DefaultConfig) runs on SQLite in the working directory and needs nothing else.
type Config struct {
	Addr    string // listen address, e.g. "127.0.0.1:8080" (POKOT_ADDR)
	DB      string // "pokot.db", "file:…", or "postgres://…" (POKOT_DB)
	BaseURL string // public URL, e.g. "https://pokot.example.fi" (POKOT_BASE_URL)
	Demo    bool   // fill an empty database with demo content

	SessionTTL time.Duration
	// SecretKey is the master key that seals the organisations' signing keys at rest
	// (POKOT_SECRET_KEY, 64 hex digits). When empty, SecretKeyFile is read, or created on
	// first start (POKOT_SECRET_KEY_FILE, default "pokot.key"). Every process serving one
	// database must use the same key; losing it means the organisations can no longer sign.
	SecretKey     string
	SecretKeyFile string
	// MetricsToken, when set, is the bearer token /metrics asks for (POKOT_METRICS_TOKEN);
	// without it /metrics answers only direct loopback requests (a scraper on the same host),
	// never requests relayed by a proxy.
	MetricsToken string
	SMTP         SMTPConfig
	OIDC         []OIDCProvider
}

// SMTPConfig configures outgoing mail. With an empty Host, messages go to the outbox.
type SMTPConfig struct {
	Host     string // POKOT_SMTP_HOST
	Port     int    // POKOT_SMTP_PORT, default 587
	Username string // POKOT_SMTP_USERNAME
	Password string // POKOT_SMTP_PASSWORD (never logged)
	From     string // POKOT_SMTP_FROM, e.g. "POKOT <noreply@example.fi>"
	TLS      string // "starttls" (default), "tls" (implicit), "none" (loopback tests only)
}

// OIDCProvider is one OpenID Connect identity provider (Entra ID, MPASSid, Google, …).
type OIDCProvider struct {
	ID           string // short name used in URLs, e.g. "entra"
	Name         string // shown on the sign-in button
	Issuer       string // issuer URL for discovery
	ClientID     string
	ClientSecret string // never logged
}

// DefaultConfig returns the configuration that needs no settings.
func DefaultConfig() Config {
	return Config{
		Addr:          "127.0.0.1:8080",
		DB:            "pokot.db",
		SessionTTL:    14 * 24 * time.Hour,
		SecretKeyFile: "pokot.key",
		SMTP:          SMTPConfig{Port: 587, TLS: "starttls"},
	}
}

// Validate checks the configuration at start-up and fills BaseURL from Addr when empty.
func (c *Config) Validate() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("addr %q: want HOST:PORT", c.Addr)
	}
	if strings.TrimSpace(c.DB) == "" {
		return fmt.Errorf("db: empty")
	}
	if c.BaseURL == "" {
		host := c.Addr
		if h, p, _ := net.SplitHostPort(c.Addr); h == "" || h == "0.0.0.0" || h == "::" {
			host = net.JoinHostPort("localhost", p)
		}
		c.BaseURL = "http://" + host
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("base-url %q: want http(s)://host[:port]", c.BaseURL)
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.SessionTTL <= 0 {
		return fmt.Errorf("session ttl must be positive")
	}
	switch c.SMTP.TLS {
	case "starttls", "tls", "none":
	default:
		return fmt.Errorf("smtp tls %q: want starttls, tls or none", c.SMTP.TLS)
	}
	if c.SMTP.Host != "" && c.SMTP.From == "" {
		return fmt.Errorf("smtp from: required when an SMTP host is set")
	}
	for _, p := range c.OIDC {
		if p.ID == "" || p.Issuer == "" || p.ClientID == "" {
			return fmt.Errorf("oidc provider %q: id, issuer and client id are required", p.ID)
		}
	}
	return nil
}

// HTTPS reports whether the public URL is HTTPS (Secure cookies, HSTS).
func (c *Config) HTTPS() bool { return strings.HasPrefix(c.BaseURL, "https://") }
