package pathway

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
)

// AchievementType is the OB 3.0 achievementType of a pathway credential: "Certificate", from
// the specification's closed list (a pathway certifies a body of stacked micro-credentials;
// "MicroCredential" is what each member credential already is).
const AchievementType = "Certificate"

// EvidenceGenre marks the evidence entries that are stacked POK credentials.
const EvidenceGenre = "Stacked credential"

// Build returns the unsigned pathway credential of reservation c: an OpenBadgeCredential
// whose achievement is the pathway (its target as an alignment to the qualification unit)
// and whose evidence lists each stacked POK credential by its id (urn:uuid), with the POK's
// title and the credential's public verification page. Every value comes from the
// reservation, so building again gives the same credential. Only terms of the VC 2.0 and
// OB 3.0 contexts are used. titles maps stacked credential ids to POK titles.
func (s *Service) Build(p *pokot.Pathway, c *pokot.PathwayCredential, name string, titles map[string]pokot.Text) (map[string]any, error) {
	if len(c.Stacked) == 0 {
		return nil, pokot.Errorf(pokot.EINVALID, "a pathway credential stacks at least one credential")
	}
	lang := pokot.Finnish
	ach := map[string]any{
		"id":              s.AchievementID(p),
		"type":            []any{"Achievement"},
		"achievementType": AchievementType,
		"name":            p.Name.Get(lang),
		"description":     nonEmpty(p.Description.Get(lang), p.Name.Get(lang)),
		"criteria":        map[string]any{"narrative": criteria(p)},
		"inLanguage":      string(lang),
	}
	if t := p.Target; t.Code != "" || t.URL != "" {
		al := map[string]any{"type": []any{"Alignment"}, "targetName": nonEmpty(t.Name.Get(lang), t.Code),
			"targetFramework": "ePerusteet", "targetUrl": nonEmpty(t.URL, "https://eperusteet.opintopolku.fi/")}
		if t.Code != "" {
			al["targetCode"] = t.Code
		}
		ach["alignment"] = []any{al}
	}
	salt := saltOf(c.CredentialID)
	idents := []any{map[string]any{"type": "IdentityObject", "identityHash": credential.IdentityHash(c.Email, salt),
		"identityType": "emailAddress", "hashed": true, "salt": salt}}
	if name != "" {
		idents = append(idents, map[string]any{"type": "IdentityObject", "identityHash": name, "identityType": "name", "hashed": false})
	}
	var evidence []any
	for _, id := range c.Stacked {
		ev := map[string]any{"type": []any{"Evidence"}, "id": id, "genre": EvidenceGenre,
			"description": s.baseURL + "/credentials/" + strings.TrimPrefix(id, "urn:uuid:")}
		if t := titles[id]; t.Get(lang) != "" {
			ev["name"] = t.Get(lang)
		}
		evidence = append(evidence, ev)
	}
	at := c.Reserved.UTC().Truncate(time.Second).Format(time.RFC3339)
	return map[string]any{
		"@context":    []any{credential.ContextV2, credential.ContextOB3},
		"id":          c.CredentialID,
		"type":        []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":        p.Name.Get(lang),
		"validFrom":   at,
		"awardedDate": at,
		"credentialSubject": map[string]any{
			"type":        []any{"AchievementSubject"},
			"identifier":  idents,
			"achievement": ach,
			"result":      []any{map[string]any{"type": []any{"Result"}, "status": "Completed"}},
		},
		"evidence": evidence,
	}, nil
}

// criteria says in Finnish, Swedish and English what completes the pathway.
func criteria(p *pokot.Pathway) string {
	n, m := p.Need(), len(p.Members)
	if n == m {
		return fmt.Sprintf("Kaikki %d osaamiskokonaisuutta suoritettu. / Alla %d kompetenshelheter avklarade. / All %d micro-credentials completed.", m, m, m)
	}
	return fmt.Sprintf("Vähintään %d / %d osaamiskokonaisuutta suoritettu. / Minst %d av %d kompetenshelheter avklarade. / At least %d of %d micro-credentials completed.", n, m, n, m, n, m)
}

// saltOf derives the identity salt from the credential's random id, so that signing a
// reservation again gives the same identifier; the salt is published in the credential in
// any case.
func saltOf(credentialID string) string {
	sum := sha256.Sum256([]byte("pokot pathway salt " + credentialID))
	return hex.EncodeToString(sum[:16])
}

func nonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func marshal(doc map[string]any) ([]byte, error) { return json.Marshal(doc) }

func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
