package issuer

import (
	"context"
	"crypto/ed25519"
	"strings"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// DIDDocument returns the organisation's did:web DID document: every key it has had, oldest
// first, as a Multikey verification method with the fragment of its key id, each one also
// listed under assertionMethod. Retired keys stay under assertionMethod on purpose: a
// verifier has no trustworthy signing time, so a key dropped from assertionMethod would
// invalidate every credential it signed. Retirement is enforced where signatures are
// made: a retired key never signs again. The first key is created on demand.
func (s *Service) DIDDocument(ctx context.Context, org *pokot.Organisation) (*key.ControllerDocument, error) {
	if _, err := s.EnsureKey(ctx, org); err != nil {
		return nil, err
	}
	ks, err := s.store.OrgKeys(ctx, org.ID)
	if err != nil {
		return nil, err
	}
	pubs := make([]ed25519.PublicKey, len(ks))
	for i, k := range ks {
		pubs[i] = ed25519.PublicKey(k.PublicKey)
	}
	doc, err := key.NewControllerDocument(s.DID(org), pubs...)
	if err != nil {
		return nil, pokot.Errorf(pokot.EINTERNAL, "DID document of %s: %v", org.Slug, err)
	}
	return doc, nil
}

// countryNames names the countries of the organisations that POKOT expects, in Finnish;
// other countries are written as their ISO 3166-1 code.
var countryNames = map[string]string{
	"FI": "Suomi", "SE": "Ruotsi", "EE": "Viro", "NO": "Norja", "DK": "Tanska", "IS": "Islanti", "DE": "Saksa",
}

// Profile returns the organisation as an Open Badges 3.0 issuer Profile, as embedded in its
// credentials (without @context): id (its DID), type, name, url, address with the country
// and its code, image (the logo) and the business ID. The name is the Finnish one, falling
// back to Swedish and English: the OB 3.0 JSON Schema allows only a string there.
func (s *Service) Profile(org *pokot.Organisation) map[string]any {
	p := map[string]any{
		"id":   s.DID(org),
		"type": []any{"Profile"},
		"name": org.Name.Get(pokot.Finnish),
	}
	if org.Homepage != "" {
		p["url"] = org.Homepage
	}
	cc := strings.ToUpper(strings.TrimSpace(org.Country))
	if cc == "" {
		cc = "FI"
	}
	country := countryNames[cc]
	if country == "" {
		country = cc
	}
	addr := map[string]any{"type": []any{"Address"}, "addressCountry": country, "addressCountryCode": cc}
	if org.Region != "" {
		addr["addressRegion"] = org.Region
	}
	p["address"] = addr
	if org.LogoURL != "" {
		p["image"] = map[string]any{"id": org.LogoURL, "type": "Image"}
	}
	if org.BusinessID != "" {
		p["otherIdentifier"] = []any{map[string]any{
			"type": "IdentifierEntry", "identifier": org.BusinessID, "identifierType": "ext:FinnishBusinessID",
		}}
	}
	return p
}

// ProfileDocument returns Profile as a standalone JSON-LD document, with the VC 2.0 and
// OB 3.0 contexts, for GET /orgs/{slug}/profile.json.
func (s *Service) ProfileDocument(org *pokot.Organisation) map[string]any {
	p := s.Profile(org)
	p["@context"] = []any{"https://www.w3.org/ns/credentials/v2", credential.ContextOB3}
	return p
}

// PublishedDocuments returns, keyed by URL, every document the organisation publishes for
// verifiers: its DID document and its status list credentials of every purpose. Given to
// key.Resolver as Overrides (or saved as files for `pokot verify --resolve URL=FILE`), they
// let anyone verify the organisation's credentials offline.
func (s *Service) PublishedDocuments(ctx context.Context, org *pokot.Organisation) (map[string][]byte, error) {
	doc, err := s.DIDDocument(ctx, org)
	if err != nil {
		return nil, err
	}
	b, err := doc.JSON()
	if err != nil {
		return nil, err
	}
	docs := map[string][]byte{s.DIDDocumentURL(org): b}
	for _, purpose := range Purposes() {
		for n := 1; ; n++ {
			b, err := s.StatusListCredential(ctx, org, purpose, n)
			if pokot.ErrorCode(err) == pokot.ENOTFOUND {
				break
			}
			if err != nil {
				return nil, err
			}
			docs[s.StatusListURL(org, purpose, n)] = b
		}
	}
	return docs, nil
}
