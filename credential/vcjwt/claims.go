package vcjwt

import (
	"fmt"
	"math"
	"time"
)

// IssuerID returns the issuer id of a credential: the issuer string or issuer.id.
func IssuerID(cred map[string]any) string {
	switch v := cred["issuer"].(type) {
	case string:
		return v
	case map[string]any:
		s, _ := v["id"].(string)
		return s
	}
	return ""
}

// SubjectID returns credentialSubject.id of a credential with a single subject, "" when
// there is none.
func SubjectID(cred map[string]any) string {
	subj := cred["credentialSubject"]
	if arr, ok := subj.([]any); ok && len(arr) == 1 {
		subj = arr[0]
	}
	if m, ok := subj.(map[string]any); ok {
		s, _ := m["id"].(string)
		return s
	}
	return ""
}

func credTime(cred map[string]any, names ...string) (time.Time, bool, error) {
	for _, n := range names {
		v, ok := cred[n]
		if !ok {
			continue
		}
		s, ok := v.(string)
		if !ok {
			return time.Time{}, true, fmt.Errorf("%w: %s is not a date-time string", ErrClaims, n)
		}
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return time.Time{}, true, fmt.Errorf("%w: %s %q is not an RFC 3339 date-time", ErrClaims, n, s)
		}
		return tm, true, nil
	}
	return time.Time{}, false, nil
}

func numericDate(claims map[string]any, name string) (int64, bool, error) {
	v, ok := claims[name]
	if !ok {
		return 0, false, nil
	}
	f, ok := v.(float64)
	if !ok || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > 1e11 {
		return 0, true, fmt.Errorf("%w: %s is not a NumericDate", ErrClaims, name)
	}
	return int64(math.Floor(f)), true, nil
}

func stringClaim(claims map[string]any, name string) (string, bool, error) {
	v, ok := claims[name]
	if !ok {
		return "", false, nil
	}
	s, ok := v.(string)
	if !ok {
		return "", true, fmt.Errorf("%w: %s is not a string", ErrClaims, name)
	}
	return s, true, nil
}

// NotBefore returns the nbf claim, if any.
func (t *Token) NotBefore() (time.Time, bool) {
	n, ok, err := numericDate(t.Claims, "nbf")
	if !ok || err != nil {
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}

// Expires returns the exp claim, if any. A verifier must treat it as the end of the
// credential's validity even if the credential has no validUntil.
func (t *Token) Expires() (time.Time, bool) {
	n, ok, err := numericDate(t.Claims, "exp")
	if !ok || err != nil {
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}

// CheckClaims checks that the registered claims agree with the credential (Open Badges
// 3.0 §8.2.4.1): iss equals the issuer id, jti the credential id, sub the subject id,
// nbf validFrom and exp validUntil (to the second; issuanceDate and expirationDate for
// the VC 1.1 "vc" form). In the Open Badges forms iss and nbf are required, and jti, sub
// and exp whenever the credential has the corresponding property; in the VC-JOSE-COSE
// form each claim is checked only when present. It does not compare the dates with the
// current time.
func (t *Token) CheckClaims() error {
	c, cred := t.Claims, t.Credential
	required := t.Form != FormVCJOSE

	check := func(name, want, what string) error {
		got, present, err := stringClaim(c, name)
		if err != nil {
			return err
		}
		switch {
		case present && got != want:
			return fmt.Errorf("%w: %s %q differs from %s %q", ErrClaims, name, got, what, want)
		case !present && want != "" && required:
			return fmt.Errorf("%w: the %s claim is missing", ErrClaims, name)
		}
		return nil
	}
	iss := IssuerID(cred)
	if iss == "" {
		return fmt.Errorf("%w: the credential has no issuer id", ErrClaims)
	}
	if _, present := c["iss"]; !present && required {
		return fmt.Errorf("%w: the iss claim is missing", ErrClaims)
	}
	if err := check("iss", iss, "issuer id"); err != nil {
		return err
	}
	id, _ := cred["id"].(string)
	if err := check("jti", id, "credential id"); err != nil {
		return err
	}
	if err := check("sub", SubjectID(cred), "credentialSubject.id"); err != nil {
		return err
	}

	from, hasFrom, err := credTime(cred, "validFrom", "issuanceDate")
	if err != nil {
		return err
	}
	nbf, hasNbf, err := numericDate(c, "nbf")
	if err != nil {
		return err
	}
	switch {
	case hasNbf && !hasFrom:
		return fmt.Errorf("%w: nbf is set but the credential has no validFrom", ErrClaims)
	case hasNbf && nbf != from.Unix():
		return fmt.Errorf("%w: nbf %d differs from validFrom %s", ErrClaims, nbf, from.Format(time.RFC3339))
	case !hasNbf && required:
		return fmt.Errorf("%w: the nbf claim is missing", ErrClaims)
	}

	until, hasUntil, err := credTime(cred, "validUntil", "expirationDate")
	if err != nil {
		return err
	}
	exp, hasExp, err := numericDate(c, "exp")
	if err != nil {
		return err
	}
	switch {
	case hasExp && hasUntil && exp != until.Unix():
		return fmt.Errorf("%w: exp %d differs from validUntil %s", ErrClaims, exp, until.Format(time.RFC3339))
	case !hasExp && hasUntil && required:
		return fmt.Errorf("%w: the credential has validUntil but the exp claim is missing", ErrClaims)
	}
	return nil
}
