package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// maxComment bounds a comment's length in characters.
const maxComment = 5000

// anchorRE accepts content field paths such as "title", "outcomes[k3x9ab2c].criteria.fi"
// (a learning outcome by its ID) or "outcomes[2].criteria" (by index, as anchors were
// written before outcomes had IDs; AddComment stores the ID instead).
var anchorRE = regexp.MustCompile(`^[a-zA-Z]+(\[([0-9]{1,3}|[a-z][a-z0-9]{1,15})\])?(\.[a-zA-Z]+(\[[0-9]{1,3}\])?){0,4}$`)

func anchorInvalid() error {
	return pokot.FieldError("anchor", "err.mc.anchor_invalid", "the comment is attached to an unknown field")
}

// outcomeAnchor checks an anchor on a learning outcome against the version commented on
// and returns it naming the outcome by ID: a comment stays on its outcome however the
// others are added, removed or reordered later. Other anchors are returned as they are.
func (db *DB) outcomeAnchor(ctx context.Context, tx *sql.Tx, c *pokot.Comment) (string, error) {
	id, index, rest, ok := pokot.ParseOutcomeAnchor(c.Anchor)
	if !ok {
		return c.Anchor, nil
	}
	v, err := db.version(ctx, tx, c.OrgID, c.MicrocredentialID, c.Version, false)
	if err != nil {
		return "", err
	}
	switch {
	case index >= 0 && index < len(v.Content.Outcomes):
		id = v.Content.Outcomes[index].ID
	case index >= 0 || v.Content.OutcomeIndex(id) < 0:
		return "", anchorInvalid()
	}
	return pokot.OutcomeAnchor(id, strings.TrimPrefix(rest, ".")), nil
}

// storedAnchor reads an anchor as stored: one written before outcomes had IDs names the
// outcome by index, which is the ID such outcomes are read with (pokot.LegacyOutcomeIDs).
func storedAnchor(a string) string {
	if id, index, rest, ok := pokot.ParseOutcomeAnchor(a); ok && index >= 0 {
		return pokot.OutcomeAnchor(id, strings.TrimPrefix(rest, "."))
	}
	return a
}

// AddComment stores a comment or a reply and fills its mentions.
func (db *DB) AddComment(ctx context.Context, c *pokot.Comment) error {
	c.Body = strings.TrimSpace(c.Body)
	if c.Body == "" {
		return pokot.FieldError("body", "err.mc.comment_empty", "write a comment")
	}
	if utf8.RuneCountInString(c.Body) > maxComment {
		return pokot.FieldError("body", "err.mc.text_too_long", "the comment is too long")
	}
	if c.Anchor != "" && !anchorRE.MatchString(c.Anchor) {
		return anchorInvalid()
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		a, err := db.access(ctx, tx, c.OrgID, c.MicrocredentialID, c.AuthorID)
		if err != nil {
			return err
		}
		if !a.Comment {
			return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.mc.forbidden", Message: "you may not comment on this POK"}
		}
		if c.ParentID != nil {
			var parentVersion int
			var grand sql.NullInt64
			var parentAnchor string
			err := tx.QueryRowContext(ctx, `SELECT version, parent_id, anchor FROM mc_comments WHERE id = $1 AND mc_id = $2 AND org_id = $3`,
				*c.ParentID, c.MicrocredentialID, c.OrgID).Scan(&parentVersion, &grand, &parentAnchor)
			if err != nil {
				return noRows(err, "comment")
			}
			if grand.Valid { // a reply to a reply joins the thread
				c.ParentID = &grand.Int64
				if err := tx.QueryRowContext(ctx, `SELECT anchor FROM mc_comments WHERE id = $1`, grand.Int64).Scan(&parentAnchor); err != nil {
					return err
				}
			}
			c.Version = parentVersion
			c.Anchor = storedAnchor(parentAnchor) // a reply is about what its thread is about
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM mc_versions WHERE mc_id = $1 AND number = $2`, c.MicrocredentialID, c.Version).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return notFound("version")
		}
		if c.ParentID == nil {
			if c.Anchor, err = db.outcomeAnchor(ctx, tx, c); err != nil {
				return err
			}
		}
		people, err := db.mentionable(ctx, tx, c.OrgID, c.MicrocredentialID)
		if err != nil {
			return err
		}
		c.Mentions = pokot.ParseMentions(c.Body, people)
		ms, _ := json.Marshal(c.Mentions)
		if c.Mentions == nil {
			ms = []byte("[]")
		}
		now := db.now()
		c.Created = now.UTC().Truncate(timeUnit)
		if err := tx.QueryRowContext(ctx, `
			INSERT INTO mc_comments (org_id, mc_id, version, parent_id, anchor, author_id, body, mentions, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			c.OrgID, c.MicrocredentialID, c.Version, nullID(c.ParentID), c.Anchor, c.AuthorID, c.Body, string(ms), db.ts(now)).Scan(&c.ID); err != nil {
			return err
		}
		return db.history(ctx, tx, c.OrgID, c.MicrocredentialID, c.Version, c.AuthorID, pokot.ActionComment, c.Anchor)
	})
}

// mentionable lists the people who can be mentioned on a POK: the organisation's designers
// and administrators and the invited partners who have an account.
func (db *DB) mentionable(ctx context.Context, q querier, orgID, mcID int64) ([]pokot.Mentionable, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT DISTINCT u.id, u.email, u.name FROM users u
		WHERE u.id IN (SELECT user_id FROM memberships WHERE org_id = $1 AND role IN ('orgadmin', 'designer', 'assessor'))
		   OR u.email IN (SELECT email FROM mc_partners WHERE mc_id = $2)
		ORDER BY u.id`, orgID, mcID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []pokot.Mentionable
	for rows.Next() {
		var p pokot.Mentionable
		if err := rows.Scan(&p.UserID, &p.Email, &p.Name); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// Comments lists a POK's comments, oldest first, with the authors' names.
func (db *DB) Comments(ctx context.Context, orgID, mcID int64) ([]*pokot.Comment, error) {
	rows, err := db.r.QueryContext(ctx, `
		SELECT c.id, c.org_id, c.mc_id, c.version, c.parent_id, c.anchor, COALESCE(c.author_id, 0), c.body, c.mentions,
			c.resolved_by, c.resolved_at, c.created_at, COALESCE(u.name, '')
		FROM mc_comments c LEFT JOIN users u ON u.id = c.author_id
		WHERE c.org_id = $1 AND c.mc_id = $2 ORDER BY c.id`, orgID, mcID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var cs []*pokot.Comment
	for rows.Next() {
		c := &pokot.Comment{}
		var parent, resolvedBy sql.NullInt64
		var mentions string
		if err := rows.Scan(&c.ID, &c.OrgID, &c.MicrocredentialID, &c.Version, &parent, &c.Anchor, &c.AuthorID, &c.Body, &mentions,
			&resolvedBy, nullTimeCol{&c.ResolvedAt}, timeCol{&c.Created}, &c.AuthorName); err != nil {
			return nil, mapErr(err)
		}
		c.ParentID, c.ResolvedBy = idPtr(parent), idPtr(resolvedBy)
		c.Anchor = storedAnchor(c.Anchor)
		if err := json.Unmarshal([]byte(mentions), &c.Mentions); err != nil {
			return nil, mapErr(err)
		}
		cs = append(cs, c)
	}
	return cs, mapErr(rows.Err())
}

// ResolveComment resolves or reopens the thread of commentID.
func (db *DB) ResolveComment(ctx context.Context, orgID, commentID, userID int64, resolved bool) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		var mcID int64
		var version int
		var parent sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT mc_id, version, parent_id FROM mc_comments WHERE id = $1 AND org_id = $2`,
			commentID, orgID).Scan(&mcID, &version, &parent)
		if err != nil {
			return noRows(err, "comment")
		}
		a, err := db.access(ctx, tx, orgID, mcID, userID)
		if err != nil {
			return err
		}
		if !a.Comment {
			return &pokot.Error{Code: pokot.EFORBIDDEN, Key: "err.mc.forbidden", Message: "you may not resolve this comment"}
		}
		root := commentID
		if parent.Valid {
			root = parent.Int64
		}
		action := pokot.ActionResolve
		if resolved {
			_, err = tx.ExecContext(ctx, `UPDATE mc_comments SET resolved_by = $1, resolved_at = $2 WHERE id = $3`, userID, db.ts(db.now()), root)
		} else {
			action = pokot.ActionReopen
			_, err = tx.ExecContext(ctx, `UPDATE mc_comments SET resolved_by = NULL, resolved_at = NULL WHERE id = $1`, root)
		}
		if err != nil {
			return err
		}
		return db.history(ctx, tx, orgID, mcID, version, userID, action, "")
	})
}
