package sqldb

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"time"

	"github.com/pokot/pokot"
)

// OAuthGrants implements pokot.OAuthGrantService. A grant is the user's live tokens of one
// client (not revoked, refresh not expired); it dates from the authorization code the
// first of them was granted for (refreshing keeps that code), or from the token itself.
func (db *DB) OAuthGrants(ctx context.Context, userID int64, now time.Time) ([]*pokot.OAuthGrant, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT t.client_id, t.scopes, COALESCE(k.created_at, t.created_at)
		FROM oauth_tokens t LEFT JOIN oauth_codes k ON k.id = t.code_id
		WHERE t.user_id = $1 AND t.revoked_at IS NULL AND t.refresh_expires > $2
		ORDER BY t.id`, userID, db.ts(now))
	if err != nil {
		return nil, mapErr(err)
	}
	byClient := map[string]*pokot.OAuthGrant{}
	scopes := map[string]map[string]bool{}
	var order []string
	for rows.Next() {
		var id, sc string
		var at time.Time
		if err := rows.Scan(&id, &sc, timeCol{&at}); err != nil {
			rows.Close()
			return nil, mapErr(err)
		}
		g := byClient[id]
		if g == nil {
			g = &pokot.OAuthGrant{Client: &pokot.OAuthClient{ClientID: id}, Granted: at}
			byClient[id], scopes[id] = g, map[string]bool{}
			order = append(order, id)
		}
		if at.Before(g.Granted) {
			g.Granted = at
		}
		for _, s := range strings.Fields(sc) {
			scopes[id][s] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	out := make([]*pokot.OAuthGrant, 0, len(order))
	for _, id := range order {
		g := byClient[id]
		c, err := db.OAuthClient(ctx, id)
		if err != nil {
			return nil, err
		}
		g.Client = c
		for _, s := range pokot.OB3Scopes {
			if scopes[id][s] {
				g.Scopes = append(g.Scopes, s)
			}
		}
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Granted.After(out[j].Granted) })
	return out, nil
}

// RevokeOAuthGrant implements pokot.OAuthGrantService: in one transaction every live token
// of the user and client is revoked and every unredeemed code of theirs used up.
func (db *DB) RevokeOAuthGrant(ctx context.Context, userID int64, clientID string, now time.Time) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		// The codes first: unredeemed ones are used up, and every code of the grant is
		// marked withdrawn (codeWithdrawn), so that a token being made from it right now
		// (CreateOAuthToken locks the code) is either refused or already stored, and then
		// revoked below.
		res, err := tx.ExecContext(ctx, `UPDATE oauth_codes SET used_at = $1
			WHERE user_id = $2 AND client_id = $3 AND used_at IS NULL AND expires_at > $1`, db.ts(now), userID, clientID)
		if err != nil {
			return err
		}
		codes, err := res.RowsAffected()
		if err != nil {
			return err
		}
		// A grant whose app is rotating its refresh token right now has no live token for
		// a moment; its code still has a token that could be refreshed: it counts as live.
		var refreshable int64
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM oauth_codes c
			WHERE c.user_id = $1 AND c.client_id = $2 AND c.expires_at <> $3
			AND EXISTS (SELECT 1 FROM oauth_tokens k WHERE k.code_id = c.id AND k.refresh_expires > $4)`,
			userID, clientID, db.ts(codeWithdrawn), db.ts(now)).Scan(&refreshable); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE oauth_codes SET expires_at = $1
			WHERE user_id = $2 AND client_id = $3 AND expires_at <> $1`, db.ts(codeWithdrawn), userID, clientID); err != nil {
			return err
		}
		res, err = tx.ExecContext(ctx, `UPDATE oauth_tokens SET revoked_at = $1
			WHERE user_id = $2 AND client_id = $3 AND revoked_at IS NULL AND refresh_expires > $1`, db.ts(now), userID, clientID)
		if err != nil {
			return err
		}
		tokens, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if tokens+codes+refreshable == 0 {
			return pokot.Errorf(pokot.ENOTFOUND, "no live grant to this client")
		}
		return nil
	})
}
