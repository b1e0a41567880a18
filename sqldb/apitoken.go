package sqldb

import (
	"context"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

// apiTokenPrefixLen is how many characters of a secret are kept to tell tokens apart in
// listings.
const apiTokenPrefixLen = 8

const apiTokenColumns = `id, user_id, name, prefix, scopes, created_at, last_used, expires_at, revoked_at`

func scanAPIToken(s interface{ Scan(...any) error }) (*pokot.APIToken, error) {
	t := &pokot.APIToken{}
	var scopes string
	err := s.Scan(&t.ID, &t.UserID, &t.Name, &t.Prefix, &scopes, timeCol{&t.Created},
		nullTimeCol{&t.LastUsed}, nullTimeCol{&t.Expires}, nullTimeCol{&t.Revoked})
	for _, sc := range strings.Fields(scopes) {
		t.Scopes = append(t.Scopes, pokot.Scope(sc))
	}
	return t, err
}

// CreateAPIToken stores t (setting ID, Prefix and Created) and returns the secret to show
// once. EINVALID without a name or scopes or with an unknown scope, ENOTFOUND when the
// user is missing.
func (db *DB) CreateAPIToken(ctx context.Context, t *pokot.APIToken) (string, error) {
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" {
		return "", pokot.FieldError("name", "err.required", "the name is required")
	}
	if len(t.Scopes) == 0 {
		return "", pokot.FieldError("scopes", "err.scope_required", "choose at least one scope")
	}
	var scopes []string
	for _, s := range t.Scopes {
		if s != pokot.ScopeRead && s != pokot.ScopeWrite {
			return "", pokot.FieldError("scopes", "err.scope_invalid", "unknown scope")
		}
		scopes = append(scopes, string(s))
	}
	secret, hash := newToken()
	t.Prefix = secret[:apiTokenPrefixLen]
	t.Created = db.now().UTC().Truncate(timeUnit)
	t.LastUsed, t.Revoked = nil, nil
	if t.Expires != nil {
		e := t.Expires.UTC().Truncate(timeUnit)
		t.Expires = &e
	}
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		t.UserID, t.Name, t.Prefix, hash, strings.Join(scopes, " "), db.ts(t.Created), db.tsp(t.Expires)).Scan(&t.ID)
	if err != nil {
		return "", mapErr(err)
	}
	return secret, nil
}

// APITokenBySecret returns the live token and sets its LastUsed to now when it is more than
// touchEvery old (an API call should not be a write). ENOTFOUND when unknown, revoked or
// expired.
func (db *DB) APITokenBySecret(ctx context.Context, secret string, now time.Time) (*pokot.APIToken, error) {
	t, err := scanAPIToken(db.r.QueryRowContext(ctx, `
		SELECT `+apiTokenColumns+` FROM api_tokens
		WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
		hashToken(secret), db.ts(now)))
	if err != nil {
		return nil, mapErr(noRows(err, "token"))
	}
	if t.LastUsed == nil || now.Sub(*t.LastUsed) >= touchEvery {
		if _, err := db.w.ExecContext(ctx, `UPDATE api_tokens SET last_used = $1 WHERE id = $2`, db.ts(now), t.ID); err != nil {
			return nil, mapErr(err)
		}
		used := now.UTC().Truncate(time.Microsecond) // the stored precision
		t.LastUsed = &used
	}
	return t, nil
}

// APITokens lists a user's tokens (revoked and expired ones too), newest first.
func (db *DB) APITokens(ctx context.Context, userID int64) ([]*pokot.APIToken, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+apiTokenColumns+` FROM api_tokens WHERE user_id = $1
		ORDER BY created_at DESC, id DESC`, userID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ts []*pokot.APIToken
	for rows.Next() {
		t, err := scanAPIToken(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		ts = append(ts, t)
	}
	return ts, mapErr(rows.Err())
}

// RevokeAPIToken revokes a token of userID. ENOTFOUND when the user has no such token or
// it is already revoked.
func (db *DB) RevokeAPIToken(ctx context.Context, userID, tokenID int64, now time.Time) error {
	res, err := db.w.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL`,
		db.ts(now), tokenID, userID)
	if err != nil {
		return mapErr(err)
	}
	return mapErr(affected(res, "token"))
}
