package credential

import (
	"context"
	"errors"

	"github.com/pokot/pokot/credential/key"
)

// verifyJWT checks a VC-JWT. (Placeholder until credential/vcjwt lands.)
func (v *Verifier) verifyJWT(_ context.Context, source string, _ []byte) Result {
	return parseFailure(source, errors.New("VC-JWT is not supported yet"))
}

// SignJWT completes doc with Prepare and returns it as a VC-JWT signed
// with EdDSA. (Placeholder until credential/vcjwt lands.)
func SignJWT(doc map[string]any, kp *key.KeyPair, opts SignOptions) (string, error) {
	return "", errors.New("VC-JWT is not supported yet")
}
