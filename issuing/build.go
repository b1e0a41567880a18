package issuing

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/status"
	"github.com/pokot/pokot/exchange"
)

// batchBuilder builds the credentials of one offering. The Achievement — every Annex I
// element of the POK version — is made once per batch and shared by its credentials.
type batchBuilder struct {
	org         *pokot.Organisation
	offering    *pokot.Offering
	version     *pokot.MicrocredentialVersion
	achievement map[string]any
	title       pokot.Text
	// entry returns the credentialStatus entry of index in list n of a purpose.
	entry func(purpose string, n, index int) (status.Entry, error)
	// purposes holds the purpose of each reservation's status entry (see loadPurposes).
	purposes map[string]string
}

func (s *Service) newBuilder(ctx context.Context, org *pokot.Organisation, offeringID int64) (*batchBuilder, error) {
	o, err := s.store.Offering(ctx, org.ID, offeringID)
	if err != nil {
		return nil, err
	}
	v, err := s.store.MicrocredentialVersion(ctx, org.ID, o.MicrocredentialID, o.Version)
	if err != nil {
		return nil, err
	}
	e := exchange.Export{BaseURL: s.opt.BaseURL, Org: org, Version: v}
	if s.opt.ImageURL != nil {
		e.ImageURL = s.opt.ImageURL(v)
	}
	a, err := exchange.Achievement(e)
	if err != nil {
		return nil, err
	}
	delete(a, "@context")
	return &batchBuilder{org: org, offering: o, version: v, achievement: a, title: v.Content.Title,
		entry: func(purpose string, n, index int) (status.Entry, error) {
			return s.issuer.StatusEntryOf(org, purpose, n, index)
		}}, nil
}

// loadPurposes reads which status list each reservation's index was allocated in: new
// reservations get a two-bit message entry (pokot.StatusMessage), but a reservation made
// before message lists existed and signed again after an upgrade has a revocation index,
// and must be signed with that entry. One query per chunk.
func (s *Service) loadPurposes(ctx context.Context, b *batchBuilder, cs []*pokot.IssuedCredential) error {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.CredentialID
	}
	ps, err := s.store.StatusPurposesOf(ctx, b.org.ID, ids)
	if err != nil {
		return err
	}
	b.purposes = ps
	return nil
}

// build returns the unsigned OpenBadgeCredential of a reservation. Everything in it comes
// from the reservation and the version, so that signing a reservation again after a crash
// makes the same credential: its id, validFrom (the reservation time), identifier (the
// stored salt) and credentialStatus (the allocated index, in the list loadPurposes found). The envelope follows
// credential.Build; the issuer Profile is set by issuer.Service.Sign.
func (b *batchBuilder) build(c *pokot.IssuedCredential) (map[string]any, error) {
	if c.StatusList == 0 {
		return nil, errors.New("issuing: reservation without a status index")
	}
	content := &b.version.Content
	subj := map[string]any{
		"type":        []any{"AchievementSubject"},
		"achievement": b.achievement,
		"identifier": []any{map[string]any{
			"type": "IdentityObject", "identityHash": c.IdentityHash, "identityType": "emailAddress",
			"hashed": true, "salt": c.Salt,
		}},
	}
	if c.Name != "" {
		subj["identifier"] = append(subj["identifier"].([]any), map[string]any{
			"type": "IdentityObject", "identityHash": c.Name, "identityType": "name", "hashed": false,
		})
	}
	if content.Workload.Value > 0 {
		subj["creditsEarned"] = content.Workload.Value
	}
	if !c.AssessedOn.IsZero() {
		subj["activityEndDate"] = c.AssessedOn.UTC().Format(time.RFC3339)
	}
	result := []any{map[string]any{"type": []any{"Result"}, "status": "Completed"}}
	if c.Grade != "" {
		id, _ := b.achievement["id"].(string)
		result = append(result, map[string]any{"type": []any{"Result"}, "resultDescription": id + "#grade", "value": c.Grade})
	}
	subj["result"] = result
	issued := c.Reserved.UTC().Truncate(time.Second)
	doc := map[string]any{
		"@context":          []any{credential.ContextV2, credential.ContextOB3},
		"id":                c.CredentialID,
		"type":              []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":              b.title.Get(pokot.Finnish),
		"validFrom":         issued.Format(time.RFC3339),
		"awardedDate":       issued.Format(time.RFC3339),
		"credentialSubject": subj,
	}
	if m := content.ValidityMonths; m > 0 {
		doc["validUntil"] = issued.AddDate(0, m, 0).Format(time.RFC3339)
	}
	purpose := b.purposes[c.CredentialID]
	if purpose == "" {
		return nil, fmt.Errorf("issuing: reservation %s has no status entry", c.CredentialID)
	}
	entry, err := b.entry(purpose, c.StatusList, c.StatusIndex)
	if err != nil {
		return nil, err
	}
	doc["credentialStatus"] = entry.Map()
	return doc, nil
}

// linkFor returns the address e-mailed to the learner.
func (s *Service) linkFor(c *pokot.IssuedCredential) string {
	if s.opt.LinkURL != nil {
		return s.opt.LinkURL(c)
	}
	return strings.TrimRight(s.opt.BaseURL, "/") + "/credentials/" + strings.TrimPrefix(c.CredentialID, "urn:uuid:")
}

var mailText = map[pokot.Lang]struct{ subject, body string }{
	pokot.Finnish: {"Osaamismerkkisi: %s", "Hei %s,\n\nolet suorittanut osaamiskokonaisuuden %s, ja %s on myöntänyt sinulle siitä sähköisen osaamismerkin.\n\nAvaa merkkisi tästä:\n%s\n\nVoit ladata sen, jakaa sen työnantajalle tai tallentaa sen lompakkoosi. Kuka tahansa voi tarkistaa sen aitouden.\n"},
	pokot.Swedish: {"Ditt kompetensmärke: %s", "Hej %s,\n\ndu har slutfört kompetenshelheten %s, och %s har utfärdat ett digitalt kompetensmärke till dig.\n\nÖppna ditt märke här:\n%s\n\nDu kan ladda ner det, dela det med en arbetsgivare eller spara det i din plånbok. Vem som helst kan kontrollera att det är äkta.\n"},
	pokot.English: {"Your credential: %s", "Hello %s,\n\nyou have completed the micro-credential %s, and %s has issued you a digital credential for it.\n\nOpen your credential here:\n%s\n\nYou can download it, share it with an employer or keep it in your wallet. Anyone can check that it is genuine.\n"},
}

// mail returns the e-mail that tells a learner about their credential, in their language.
func (s *Service) mail(b *batchBuilder, c *pokot.IssuedCredential) *pokot.Mail {
	l := c.Lang
	if _, ok := mailText[l]; !ok {
		l = pokot.Finnish
	}
	t := mailText[l]
	title := b.title.Get(l)
	name := c.Name
	if name == "" {
		name = c.Email
	}
	return &pokot.Mail{
		To:      c.Email,
		Subject: fmt.Sprintf(t.subject, title),
		Text:    fmt.Sprintf(t.body, name, title, b.org.Name.Get(l), s.linkFor(c)),
	}
}
