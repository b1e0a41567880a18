package issuer

import (
	"context"
	"crypto/rand"
	"fmt"
	"runtime"
	"sync"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/credential"
	"github.com/pokot/pokot/credential/key"
)

// Sign signs an unsigned credential in the organisation's name and returns it secured with
// an eddsa-rdfc-2022 Data Integrity proof made with the organisation's active key
// (verificationMethod did:web:…:orgs:<slug>#<key id>; the first key is created on demand).
// It sets issuer to the organisation's Profile (id = its DID; just the DID for a credential
// that is not an Open Badge, whose context lacks the Profile terms), id to a new urn:uuid
// when missing, validFrom to now when missing, and, unless the credential already has a
// credentialStatus (e.g. allocated earlier with AllocateStatus), one status entry of
// DefaultPurpose: the Open Badges 3.0 JSON Schema allows a single credentialStatus object,
// so an Open Badge gets a two-bit message entry that carries suspension and revocation,
// any other credential a revocation entry. EINVALID when the credential cannot be signed
// as given.
func (s *Service) Sign(ctx context.Context, org *pokot.Organisation, unsigned map[string]any) (map[string]any, error) {
	out, err := s.SignBatch(ctx, org, []map[string]any{unsigned})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// SignBatch is Sign for many credentials: their status entries are allocated in one
// transaction per purpose and the signatures made on every CPU. It returns the signed credentials in
// the order given, or the first error (indices allocated for a failed batch stay unused,
// which harms nothing).
func (s *Service) SignBatch(ctx context.Context, org *pokot.Organisation, unsigned []map[string]any) ([]map[string]any, error) {
	k, kp, err := s.signingKey(ctx, org)
	if err != nil {
		return nil, err
	}
	docs := make([]map[string]any, len(unsigned))
	need := map[string][]int{} // credentials that get a status entry, by purpose
	ids := map[string][]string{}
	for i, u := range unsigned {
		if u == nil {
			return nil, pokot.Errorf(pokot.EINVALID, "no credential to sign")
		}
		d := s.prepare(org, u)
		docs[i] = d
		if _, ok := d["credentialStatus"]; !ok {
			p := DefaultPurpose(d)
			need[p] = append(need[p], i)
			ids[p] = append(ids[p], d["id"].(string))
		}
	}
	for _, p := range []string{pokot.StatusMessage, pokot.StatusRevocation} {
		if len(need[p]) == 0 {
			continue
		}
		es, err := s.store.AllocateStatuses(ctx, org.ID, p, ids[p], 0)
		if err != nil {
			return nil, err
		}
		for j, i := range need[p] {
			entry, err := s.entry(org, es[j])
			if err != nil {
				return nil, err
			}
			docs[i]["credentialStatus"] = entry
		}
	}
	opts := credential.SignOptions{VerificationMethod: s.verificationMethod(org, k), Created: s.now()}
	out := make([]map[string]any, len(docs))
	errs := make([]error, len(docs))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(docs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i], errs[i] = signOne(docs[i], kp, opts)
			}
		}()
	}
	for i := range docs {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DefaultPurpose returns the purpose of the status entry Sign gives a credential without
// one: pokot.StatusMessage for an Open Badge, pokot.StatusRevocation otherwise.
func DefaultPurpose(doc map[string]any) string {
	if credential.IsOpenBadge(doc) {
		return pokot.StatusMessage
	}
	return pokot.StatusRevocation
}

// prepare copies an unsigned credential with the organisation as issuer and an id.
func (s *Service) prepare(org *pokot.Organisation, unsigned map[string]any) map[string]any {
	doc := make(map[string]any, len(unsigned)+4)
	for name, v := range unsigned {
		doc[name] = v
	}
	delete(doc, "proof")
	if credential.IsOpenBadge(doc) {
		doc["issuer"] = s.Profile(org)
	} else {
		doc["issuer"] = s.DID(org) // a plain VC's context does not define the Profile terms
	}
	if id, _ := doc["id"].(string); id == "" {
		doc["id"] = newURNUUID()
	}
	return doc
}

func signOne(doc map[string]any, kp *key.KeyPair, opts credential.SignOptions) (map[string]any, error) {
	signed, err := credential.Sign(doc, kp, opts)
	if err != nil {
		return nil, &pokot.Error{Code: pokot.EINVALID, Key: "err.credential_unsignable", Message: "the credential cannot be signed: " + err.Error(), Err: err}
	}
	return signed, nil
}

// newURNUUID returns a random (version 4) UUID as a URN.
func newURNUUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("crypto/rand: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
