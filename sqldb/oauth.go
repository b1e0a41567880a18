package sqldb

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

const oauthClientColumns = `client_id, name, redirect_uris, scopes, client_uri, logo_uri, tos_uri, policy_uri, created_at`

func scanOAuthClient(s interface{ Scan(...any) error }) (*pokot.OAuthClient, string, error) {
	c := &pokot.OAuthClient{}
	var uris, scopes, hash string
	err := s.Scan(&c.ClientID, &c.Name, &uris, &scopes, &c.ClientURI, &c.LogoURI, &c.TOSURI, &c.PolicyURI,
		timeCol{&c.Created}, &hash)
	c.RedirectURIs, c.Scopes = strings.Fields(uris), strings.Fields(scopes)
	return c, hash, err
}

// CreateOAuthClient implements pokot.OAuthService. The caller validates the metadata
// (package ob3api); EINVALID here only without a name or redirect URI.
func (db *DB) CreateOAuthClient(ctx context.Context, c *pokot.OAuthClient) (string, error) {
	if strings.TrimSpace(c.Name) == "" {
		return "", pokot.FieldError("client_name", "err.required", "the client name is required")
	}
	if len(c.RedirectURIs) == 0 {
		return "", pokot.FieldError("redirect_uris", "err.required", "at least one redirect URI is required")
	}
	id, _ := newToken()
	c.ClientID = id[:22]
	secret, hash := newToken()
	c.Created = db.now().UTC().Truncate(timeUnit)
	_, err := db.w.ExecContext(ctx, `
		INSERT INTO oauth_clients (client_id, secret_hash, name, redirect_uris, scopes, client_uri, logo_uri, tos_uri, policy_uri, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
		c.ClientID, hash, c.Name, strings.Join(c.RedirectURIs, " "), strings.Join(c.Scopes, " "),
		c.ClientURI, c.LogoURI, c.TOSURI, c.PolicyURI, db.ts(c.Created))
	if err != nil {
		return "", mapErr(err)
	}
	return secret, nil
}

// OAuthClient implements pokot.OAuthService.
func (db *DB) OAuthClient(ctx context.Context, clientID string) (*pokot.OAuthClient, error) {
	c, _, err := scanOAuthClient(db.r.QueryRowContext(ctx, `SELECT `+oauthClientColumns+`, secret_hash
		FROM oauth_clients WHERE client_id = $1`, clientID))
	if err != nil {
		return nil, mapErr(noRows(err, "client"))
	}
	return c, nil
}

// AuthenticateOAuthClient implements pokot.OAuthService.
func (db *DB) AuthenticateOAuthClient(ctx context.Context, clientID, secret string) (*pokot.OAuthClient, error) {
	c, hash, err := scanOAuthClient(db.r.QueryRowContext(ctx, `SELECT `+oauthClientColumns+`, secret_hash
		FROM oauth_clients WHERE client_id = $1`, clientID))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && subtle.ConstantTimeCompare([]byte(hash), []byte(hashToken(secret))) != 1) {
		return nil, &pokot.Error{Code: pokot.EUNAUTHORIZED, Key: "err.oauth.client", Message: "unknown client or wrong secret"}
	}
	if err != nil {
		return nil, mapErr(err)
	}
	return c, nil
}

// CreateOAuthCode implements pokot.OAuthService.
func (db *DB) CreateOAuthCode(ctx context.Context, c *pokot.OAuthCode) (string, error) {
	code, hash := newToken()
	c.Created = db.now().UTC().Truncate(timeUnit)
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO oauth_codes (code_hash, client_id, user_id, redirect_uri, scopes, challenge, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		hash, c.ClientID, c.UserID, c.RedirectURI, strings.Join(c.Scopes, " "), c.Challenge,
		db.ts(c.Created), db.ts(c.Expires)).Scan(&c.ID)
	if err != nil {
		return "", mapErr(err)
	}
	return code, nil
}

// RedeemOAuthCode implements pokot.OAuthService.
func (db *DB) RedeemOAuthCode(ctx context.Context, clientID, code string, now time.Time) (*pokot.OAuthCode, error) {
	c := &pokot.OAuthCode{}
	var scopes string
	var used *time.Time
	reused := false
	err := db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id, client_id, user_id, redirect_uri, scopes, challenge, created_at, expires_at, used_at
			FROM oauth_codes WHERE code_hash = $1 AND client_id = $2`+db.forUpdate(), hashToken(code), clientID).
			Scan(&c.ID, &c.ClientID, &c.UserID, &c.RedirectURI, &scopes, &c.Challenge,
				timeCol{&c.Created}, timeCol{&c.Expires}, nullTimeCol{&used})
		if err != nil {
			return noRows(err, "code")
		}
		if used != nil {
			// A code used twice was probably stolen: what it granted goes too.
			_, err := tx.ExecContext(ctx, `UPDATE oauth_tokens SET revoked_at = $1 WHERE code_id = $2 AND revoked_at IS NULL`,
				db.ts(now), c.ID)
			reused = true
			return err
		}
		if !now.Before(c.Expires) {
			return notFound("code")
		}
		_, err = tx.ExecContext(ctx, `UPDATE oauth_codes SET used_at = $1 WHERE id = $2`, db.ts(now), c.ID)
		return err
	})
	if err == nil && reused {
		err = notFound("code")
	}
	if err != nil {
		return nil, mapErr(err)
	}
	c.Scopes = strings.Fields(scopes)
	return c, nil
}

const oauthTokenColumns = `id, client_id, user_id, code_id, scopes, created_at, access_expires, refresh_expires`

func scanOAuthToken(s interface{ Scan(...any) error }) (*pokot.OAuthToken, error) {
	t := &pokot.OAuthToken{}
	var code sql.NullInt64
	var scopes string
	err := s.Scan(&t.ID, &t.ClientID, &t.UserID, &code, &scopes, timeCol{&t.Created},
		timeCol{&t.AccessExpires}, timeCol{&t.RefreshExpires})
	t.CodeID, t.Scopes = code.Int64, strings.Fields(scopes)
	return t, err
}

// codeWithdrawn is the expiry that marks the codes of a grant the user has withdrawn
// (RevokeOAuthGrant): no code is ever issued to expire at the Unix epoch.
var codeWithdrawn = time.Unix(0, 0).UTC()

// CreateOAuthToken implements pokot.OAuthService.
func (db *DB) CreateOAuthToken(ctx context.Context, t *pokot.OAuthToken) (string, string, error) {
	access, ah := newToken()
	refresh, rh := newToken()
	t.Created = db.now().UTC().Truncate(timeUnit)
	var code any
	if t.CodeID != 0 {
		code = t.CodeID
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if t.CodeID != 0 {
			// The code the grant began with is locked, so that a withdrawal of the grant
			// (RevokeOAuthGrant, which withdraws the code first) either waits for this token
			// and then revokes it, or comes first and is seen here.
			var expires time.Time
			if err := tx.QueryRowContext(ctx, `SELECT expires_at FROM oauth_codes WHERE id = $1`+db.forUpdate(),
				t.CodeID).Scan(timeCol{&expires}); err != nil {
				return noRows(err, "code")
			}
			if expires.Equal(codeWithdrawn) {
				return &pokot.Error{Code: pokot.ENOTFOUND, Key: "err.oauth.grant_withdrawn", Message: "the user has withdrawn this grant"}
			}
		}
		return tx.QueryRowContext(ctx, `
			INSERT INTO oauth_tokens (client_id, user_id, code_id, access_hash, refresh_hash, scopes, created_at, access_expires, refresh_expires)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			t.ClientID, t.UserID, code, ah, rh, strings.Join(t.Scopes, " "), db.ts(t.Created),
			db.ts(t.AccessExpires), db.ts(t.RefreshExpires)).Scan(&t.ID)
	})
	if err != nil {
		return "", "", mapErr(err)
	}
	return access, refresh, nil
}

// OAuthTokenByAccess implements pokot.OAuthService.
func (db *DB) OAuthTokenByAccess(ctx context.Context, access string, now time.Time) (*pokot.OAuthToken, error) {
	t, err := scanOAuthToken(db.r.QueryRowContext(ctx, `SELECT `+oauthTokenColumns+` FROM oauth_tokens
		WHERE access_hash = $1 AND revoked_at IS NULL AND access_expires > $2`, hashToken(access), db.ts(now)))
	if err != nil {
		return nil, mapErr(noRows(err, "token"))
	}
	return t, nil
}

// RefreshOAuthToken implements pokot.OAuthService.
func (db *DB) RefreshOAuthToken(ctx context.Context, clientID, refresh string, now time.Time) (*pokot.OAuthToken, error) {
	t, err := scanOAuthToken(db.w.QueryRowContext(ctx, `UPDATE oauth_tokens SET revoked_at = $1
		WHERE refresh_hash = $2 AND client_id = $3 AND revoked_at IS NULL AND refresh_expires > $1
		RETURNING `+oauthTokenColumns, db.ts(now), hashToken(refresh), clientID))
	if err != nil {
		return nil, mapErr(noRows(err, "token"))
	}
	return t, nil
}

// RevokeOAuthToken implements pokot.OAuthService.
func (db *DB) RevokeOAuthToken(ctx context.Context, clientID, token string, now time.Time) error {
	h := hashToken(token)
	_, err := db.w.ExecContext(ctx, `UPDATE oauth_tokens SET revoked_at = $1
		WHERE (access_hash = $2 OR refresh_hash = $2) AND client_id = $3 AND revoked_at IS NULL`,
		db.ts(now), h, clientID)
	return mapErr(err)
}
