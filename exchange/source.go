package exchange

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/pokot/pokot"
)

// Export is what an export of one POK version needs: the published version, the awarding
// organisation and the public base URL of the installation that the identifiers are made
// from.
type Export struct {
	// BaseURL is the public address of the installation, e.g. "https://pokot.example.fi";
	// a trailing slash is ignored.
	BaseURL string
	// Org is the awarding body.
	Org *pokot.Organisation
	// Version is the published version; Content.Image.Data may be filled (see ImageURL).
	Version *pokot.MicrocredentialVersion
	// ImageURL is the public address of the badge image. When empty and the content has
	// image data, the image travels as a data: URI; without either there is no image.
	ImageURL string
	// AllowUnpublished lets a preview export a draft; identifiers are the same.
	AllowUnpublished bool
}

// VersionURL is the stable identifier of one version of a POK:
// {base}/microcredentials/{id}/versions/{n}.
func VersionURL(base string, mcID int64, number int) string {
	return fmt.Sprintf("%s/microcredentials/%d/versions/%d", strings.TrimRight(base, "/"), mcID, number)
}

// MicrocredentialURL is the address of a POK as a whole (its newest published version):
// {base}/microcredentials/{id}.
func MicrocredentialURL(base string, mcID int64) string {
	return fmt.Sprintf("%s/microcredentials/%d", strings.TrimRight(base, "/"), mcID)
}

// OrgURL is the identifier of an organisation's public profile: {base}/orgs/{slug}.
func OrgURL(base string, o *pokot.Organisation) string {
	return strings.TrimRight(base, "/") + "/orgs/" + url.PathEscape(o.Slug)
}

// check refuses what cannot be exported: EINVALID for a bad base URL or a missing
// organisation or version, ECONFLICT ("err.exchange.not_published") for a version that is
// not published.
func (e *Export) check() error {
	u, err := url.Parse(e.BaseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.exchange.base_url", Message: "the base URL must be an absolute http(s) address"}
	}
	if e.Org == nil || e.Version == nil {
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.exchange.incomplete", Message: "the organisation and the version are required"}
	}
	if strings.TrimSpace(e.Org.Country) == "" {
		return &pokot.Error{Code: pokot.EINVALID, Key: "err.exchange.incomplete", Message: "the awarding body's country is missing (Annex I element 3)"}
	}
	if e.Version.Status != pokot.StatusPublished && e.Version.Status != pokot.StatusArchived && !e.AllowUnpublished {
		return &pokot.Error{Code: pokot.ECONFLICT, Key: "err.exchange.not_published", Message: "only a published version can be exported"}
	}
	return nil
}

func (e *Export) id() string {
	return VersionURL(e.BaseURL, e.Version.MicrocredentialID, e.Version.Number)
}

func (e *Export) orgID() string {
	if e.Org.Slug != "" {
		return OrgURL(e.BaseURL, e.Org)
	}
	return fmt.Sprintf("%s/orgs/%d", strings.TrimRight(e.BaseURL, "/"), e.Org.ID)
}
