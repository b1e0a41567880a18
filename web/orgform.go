package web

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// fillOrgForm puts an organisation's stored values into the settings form.
func fillOrgForm(f *form, o *pokot.Organisation) {
	f.Set("name_fi", o.Name[pokot.Finnish])
	f.Set("name_sv", o.Name[pokot.Swedish])
	f.Set("name_en", o.Name[pokot.English])
	f.Set("business_id", o.BusinessID)
	f.Set("country", o.Country)
	f.Set("region", o.Region)
	f.Set("homepage", o.Homepage)
	f.Set("logo_url", o.LogoURL)
}

// readOrgForm validates the organisation fields of f into o, recording problems in f.
func readOrgForm(f *form, o *pokot.Organisation) {
	o.Name = pokot.Text{}
	for _, l := range pokot.Langs {
		v := f.Get("name_" + string(l))
		if utf8.RuneCountInString(v) > 200 {
			f.Add("name_"+string(l), "err.too_long")
		}
		if v != "" {
			o.Name[l] = v
		}
	}
	if o.Name.Empty() {
		f.Add("name_fi", "err.org_name_required")
	}
	o.BusinessID = ""
	if v := f.Get("business_id"); v != "" {
		if id, err := pokot.NormalizeBusinessID(v); err == nil {
			o.BusinessID = id
		} else {
			f.AddErr(err)
		}
	}
	o.Country = strings.ToUpper(f.Get("country"))
	if o.Country == "" {
		f.Add("country", "err.country_required")
	} else if len(o.Country) != 2 || strings.Trim(o.Country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		f.Add("country", "err.country")
	}
	o.Region = f.Get("region")
	if r, ok := pokot.RegionByName(o.Region); ok && o.Country == "FI" {
		o.Region = r.Name[pokot.Finnish] // stored by one name, shown in the reader's language
	}
	if utf8.RuneCountInString(o.Region) > 100 {
		f.Add("region", "err.too_long")
	}
	o.Homepage = f.Get("homepage")
	if o.Homepage != "" && !validURL(o.Homepage, false) {
		f.Add("homepage", "err.url")
	}
	o.LogoURL = f.Get("logo_url")
	if o.LogoURL != "" && !validURL(o.LogoURL, true) {
		f.Add("logo_url", "err.logo_url")
	}
}

// validURL accepts absolute http(s) URLs (https only when httpsOnly) of reasonable length.
func validURL(s string, httpsOnly bool) bool {
	if len(s) > 500 {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	return u.Scheme == "https" || (!httpsOnly && u.Scheme == "http")
}

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$`)

// validSlug reports whether s can name an organisation in URLs: 2–40 of a–z, 0–9 and
// inner hyphens.
func validSlug(s string) bool { return slugRE.MatchString(s) }
