// Package issuer is an organisation's side of issuing verifiable credentials: its Ed25519
// signing keys (sealed at rest with the installation's master key, rotated without
// breaking credentials signed earlier), its public identity (a did:web DID document and an
// Open Badges 3.0 issuer Profile), its Bitstring Status Lists (revocation, suspension, and
// two-bit message lists that carry both for Open Badges),
// and signing credentials in its name. Handler serves the public documents, so that anyone
// can verify the organisation's credentials without this platform.
package issuer

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential/key"
)

// Store is the storage the Service needs; *sqldb.DB implements it.
type Store interface {
	pokot.IssuerService
	pokot.StatusValueService
	// OrgBySlug returns ENOTFOUND when missing.
	OrgBySlug(ctx context.Context, slug string) (*pokot.Organisation, error)
}

// Service issues in organisations' names. It is safe for concurrent use.
type Service struct {
	// Logger receives the errors of Handler that users do not see; nil discards them.
	Logger *slog.Logger

	store  Store
	sealer *sealer
	base   *url.URL
	didPfx string // "did:web:host%3Aport[:path…]", the DIDs of organisations extend it
	now    func() time.Time

	mu    sync.Mutex
	keys  map[int64]*openKey     // opened active keys by OrgKey.ID
	lists map[string]*sync.Mutex // one re-signer at a time per status list
}

// openKey is an opened (decrypted) signing key with the sealed bytes it came from.
type openKey struct {
	sealed string
	kp     *key.KeyPair
}

// New returns a Service over store. master is the installation's 32-byte master key that
// seals signing keys; baseURL the public URL of the platform (pokot.Config.BaseURL), from
// which organisations' DIDs and status list URLs are made; now the clock (time.Now when nil).
func New(store Store, master []byte, baseURL string, now func() time.Time) (*Service, error) {
	s, err := newSealer(master)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(strings.TrimRight(baseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("issuer: base URL %q: want http(s)://host[:port][/path]", baseURL)
	}
	if now == nil {
		now = time.Now
	}
	svc := &Service{store: store, sealer: s, base: u, now: now,
		keys: map[int64]*openKey{}, lists: map[string]*sync.Mutex{}}
	svc.didPfx = "did:web:" + strings.ReplaceAll(url.PathEscape(u.Host), ":", "%3A")
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if seg != "" {
			svc.didPfx += ":" + url.PathEscape(seg)
		}
	}
	return svc, nil
}

// DID returns the organisation's DID, did:web:<host>:orgs:<slug> (a port in the host is
// written %3A, a path of the base URL adds segments), which resolves to DIDDocumentURL.
func (s *Service) DID(org *pokot.Organisation) string {
	return s.didPfx + ":orgs:" + org.Slug
}

// orgURL returns the public URL of a path under the organisation.
func (s *Service) orgURL(org *pokot.Organisation, rest string) string {
	return s.base.String() + "/orgs/" + url.PathEscape(org.Slug) + "/" + rest
}

// DIDDocumentURL returns the URL of the organisation's DID document.
func (s *Service) DIDDocumentURL(org *pokot.Organisation) string { return s.orgURL(org, "did.json") }

// ProfileURL returns the URL of the organisation's issuer Profile.
func (s *Service) ProfileURL(org *pokot.Organisation) string { return s.orgURL(org, "profile.json") }

// StatusListURL returns the URL (and id) of status list n of a purpose.
func (s *Service) StatusListURL(org *pokot.Organisation, purpose string, n int) string {
	return s.orgURL(org, "status/"+purpose+"/"+strconv.Itoa(n))
}

// verificationMethod returns the DID URL of an organisation's key.
func (s *Service) verificationMethod(org *pokot.Organisation, k *pokot.OrgKey) string {
	return s.DID(org) + "#" + k.KeyID
}

// Purposes returns the status purposes of an organisation's lists: revocation and
// suspension (one bit per credential) and message (two bits, pokot.StatusMessage).
func Purposes() []string {
	return append(append([]string(nil), pokot.StatusPurposes...), pokot.StatusMessage)
}

// StatusReferenceURL returns the URL of the public page that explains, in Finnish, Swedish
// and English, the values of the message entries of POKOT's credentials; the entries name
// it as their statusReference.
func (s *Service) StatusReferenceURL() string { return s.base.String() + StatusReferencePath }

// StatusReferencePath is the path of the page StatusReferenceURL names, under the base URL.
const StatusReferencePath = "/credential-status"

func validPurpose(purpose string) error {
	if purpose == pokot.StatusMessage {
		return nil
	}
	for _, p := range pokot.StatusPurposes {
		if p == purpose {
			return nil
		}
	}
	return pokot.FieldError("purpose", "err.status_purpose", "the status purpose must be revocation, suspension or message")
}
