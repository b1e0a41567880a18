package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/pokot/pokot"
)

// slugRE is the form of an organisation's address name: lower-case letters, digits and
// inner hyphens, 2–63 characters.
var slugRE = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$`)

func validateOrg(o *pokot.Organisation, checkSlug bool) error {
	var errs pokot.Errors
	if checkSlug && !slugRE.MatchString(o.Slug) {
		errs = append(errs, pokot.FieldError("slug", "err.slug_invalid", "use 2–63 lower-case letters, digits and hyphens"))
	}
	if o.Name.Empty() {
		errs = append(errs, pokot.FieldError("name", "err.required", "the name is required"))
	}
	if o.Country != "" && len(o.Country) != 2 {
		errs = append(errs, pokot.FieldError("country", "err.country_invalid", "use a two-letter country code"))
	}
	return errs.Err()
}

// textJSON encodes a language map for a TEXT column.
func textJSON(t pokot.Text) string {
	if t == nil {
		t = pokot.Text{}
	}
	b, _ := json.Marshal(t)
	return string(b)
}

// textCol scans a JSON language map column.
type textCol struct{ t *pokot.Text }

func (c textCol) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	case nil:
		*c.t = pokot.Text{}
		return nil
	}
	t := pokot.Text{}
	if err := json.Unmarshal(b, &t); err != nil {
		return err
	}
	*c.t = t
	return nil
}

const orgColumns = `o.id, o.slug, o.name, o.business_id, o.country, o.region, o.homepage, o.logo_url, o.created_at`

func scanOrg(s interface{ Scan(...any) error }) (*pokot.Organisation, error) {
	o := &pokot.Organisation{}
	err := s.Scan(&o.ID, &o.Slug, textCol{&o.Name}, &o.BusinessID, &o.Country, &o.Region, &o.Homepage, &o.LogoURL, timeCol{&o.Created})
	return o, err
}

// CreateOrg inserts o and sets its ID and Created. ECONFLICT ("err.slug_taken"), EINVALID.
func (db *DB) CreateOrg(ctx context.Context, o *pokot.Organisation) error {
	o.Slug = strings.ToLower(strings.TrimSpace(o.Slug))
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	if err := validateOrg(o, true); err != nil {
		return err
	}
	o.Created = db.now().UTC().Truncate(timeUnit)
	err := db.w.QueryRowContext(ctx, `
		INSERT INTO organisations (slug, name, business_id, country, region, homepage, logo_url, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		o.Slug, textJSON(o.Name), o.BusinessID, o.Country, o.Region, o.Homepage, o.LogoURL, db.ts(o.Created),
	).Scan(&o.ID)
	return mapErr(err)
}

// UpdateOrg saves every field but ID, Slug and Created. ENOTFOUND, EINVALID.
func (db *DB) UpdateOrg(ctx context.Context, o *pokot.Organisation) error {
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	if err := validateOrg(o, false); err != nil {
		return err
	}
	return mapErr(db.tx(ctx, func(tx *sql.Tx) error {
		var old pokot.Text
		if err := tx.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = $1`, o.ID).Scan(textCol{&old}); err != nil {
			return noRows(err, "organisation")
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE organisations SET name = $1, business_id = $2, country = $3, region = $4, homepage = $5, logo_url = $6
			WHERE id = $7`,
			textJSON(o.Name), o.BusinessID, o.Country, o.Region, o.Homepage, o.LogoURL, o.ID); err != nil {
			return err
		}
		if textJSON(old) == textJSON(o.Name) {
			return nil
		}
		// The catalogue finds a POK by its organisation's name too: index its published
		// POKs again under the new name.
		ids, err := ids(ctx, tx, `SELECT mc_id FROM catalog WHERE org_id = $1`, []any{o.ID})
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := db.indexCatalog(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	}))
}

// OrgByID returns ENOTFOUND when missing.
func (db *DB) OrgByID(ctx context.Context, id int64) (*pokot.Organisation, error) {
	o, err := scanOrg(db.r.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM organisations o WHERE o.id = $1`, id))
	if err != nil {
		return nil, mapErr(noRows(err, "organisation"))
	}
	return o, nil
}

// OrgBySlug returns ENOTFOUND when missing.
func (db *DB) OrgBySlug(ctx context.Context, slug string) (*pokot.Organisation, error) {
	o, err := scanOrg(db.r.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM organisations o WHERE o.slug = $1`, strings.ToLower(slug)))
	if err != nil {
		return nil, mapErr(noRows(err, "organisation"))
	}
	return o, nil
}

// Orgs lists all organisations by slug.
func (db *DB) Orgs(ctx context.Context) ([]*pokot.Organisation, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+orgColumns+` FROM organisations o ORDER BY o.slug`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var os []*pokot.Organisation
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		os = append(os, o)
	}
	return os, mapErr(rows.Err())
}

// lockOrg locks an organisation's row until the end of tx (PostgreSQL), so that membership
// changes of one organisation run one at a time. ENOTFOUND.
func (db *DB) lockOrg(ctx context.Context, tx *sql.Tx, orgID int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM organisations WHERE id = $1`+db.forUpdate(), orgID).Scan(&id)
	return noRows(err, "organisation")
}
