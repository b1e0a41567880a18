// Package credential builds, signs and verifies Open Badges 3.0 credentials
// (W3C Verifiable Credentials Data Model 2.0) without a database: structure
// rules, the OB 3.0 JSON Schema, Data Integrity (eddsa-rdfc-2022,
// eddsa-jcs-2022) and VC-JWT proofs, key resolution, Bitstring Status List
// checks and the validity window.
package credential

// Check is the outcome of one named verification step.
type Check struct {
	// Name identifies the step, e.g. "proof" or "structure.vc.issuer".
	Name string `json:"name"`
	// OK is true when the step passed.
	OK bool `json:"ok"`
	// Message explains the outcome in English.
	Message string `json:"message"`
	// Key is the message key for translated messages (see Message).
	Key string `json:"key,omitempty"`
	// Args are the values substituted into the translated message.
	Args []string `json:"args,omitempty"`
}

// Result is the outcome of verifying one credential.
type Result struct {
	// Source names where the credential came from, e.g. "badge.png" or "creds.jsonl:3".
	Source string `json:"source"`
	// Verified is true only when every check passed.
	Verified bool `json:"verified"`
	// Checks lists every step in the order it ran.
	Checks []Check `json:"checks"`
	// Credential is the parsed credential, when parsing succeeded.
	Credential map[string]any `json:"-"`
	// Format is "di" for a JSON-LD credential, "jwt" for a VC-JWT.
	Format string `json:"-"`
}

// Failed returns the checks that did not pass.
func (r *Result) Failed() []Check {
	var out []Check
	for _, c := range r.Checks {
		if !c.OK {
			out = append(out, c)
		}
	}
	return out
}

func (r *Result) add(c Check) {
	r.Checks = append(r.Checks, c)
}

// pass and fail build checks whose English message comes from the message table.
func pass(name, key string, args ...string) Check {
	return Check{Name: name, OK: true, Key: key, Args: args, Message: Message("en", key, args...)}
}

func fail(name, key string, args ...string) Check {
	return Check{Name: name, OK: false, Key: key, Args: args, Message: Message("en", key, args...)}
}

// In returns the check's message in lang (fi, sv or en), for user interfaces.
func (c Check) In(lang string) string {
	if c.Key == "" {
		return c.Message
	}
	return Message(lang, c.Key, c.Args...)
}
