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
// credentialStatus (e.g. allocated earlier with AllocateStatus), a revocation entry in the
// organisation's status list. One entry only: the Open Badges 3.0 JSON Schema allows a
// single credentialStatus object, so suspension entries are for callers that allocate them
// for other credential types. EINVALID when the credential cannot be signed as given.
func (s *Service) Sign(ctx context.Context, org *pokot.Organisation, unsigned map[string]any) (map[string]any, error) {
	out, err := s.SignBatch(ctx, org, []map[string]any{unsigned})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// SignBatch is Sign for many credentials: their revocation entries are allocated in one
// transaction and the signatures made on every CPU. It returns the signed credentials in
// the order given, or the first error (indices allocated for a failed batch stay unused,
// which harms nothing).
func (s *Service) SignBatch(ctx context.Context, org *pokot.Organisation, unsigned []map[string]any) ([]map[string]any, error) {
	k, kp, err := s.signingKey(ctx, org)
	if err != nil {
		return nil, err
	}
	docs := make([]map[string]any, len(unsigned))
	var need []int // credentials that get a revocation entry
	var ids []string
	for i, u := range unsigned {
		if u == nil {
			return nil, pokot.Errorf(pokot.EINVALID, "no credential to sign")
		}
		d := s.prepare(org, u)
		docs[i] = d
		if _, ok := d["credentialStatus"]; !ok {
			need = append(need, i)
			ids = append(ids, d["id"].(string))
		}
	}
	if len(need) > 0 {
		es, err := s.store.AllocateStatuses(ctx, org.ID, pokot.StatusRevocation, ids, 0)
		if err != nil {
			return nil, err
		}
		for j, i := range need {
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
