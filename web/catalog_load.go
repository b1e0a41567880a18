package web

import (
	"net/http"
	"strconv"

	"github.com/pokot/pokot"
)

// publicPOK is a published POK as the public pages read it: the POK, the version shown (the
// published one, or an earlier published version) and the awarding organisation.
type publicPOK struct {
	MC      *pokot.Microcredential
	Version *pokot.MicrocredentialVersion
	Org     *pokot.Organisation
	mcs     pokot.MicrocredentialService
}

// Base is the POK's public address (its current published version).
func (p *publicPOK) Base() string { return "/microcredentials/" + strconv.FormatInt(p.MC.ID, 10) }

// VersionBase is the public address of the version shown.
func (p *publicPOK) VersionBase() string {
	return p.Base() + "/versions/" + strconv.Itoa(p.Version.Number)
}

// Current reports whether the version shown is the one in the catalogue now.
func (p *publicPOK) Current() bool { return p.Version.Number == p.MC.PublishedVersion }

// loadPublicPOK reads {id} and, when the route has it, {n}. Only published versions (and
// earlier versions that were published, now archived) are found; a draft, a version in
// review, an unknown id or a malformed one are all the same ENOTFOUND, so that the public
// pages tell nothing about unpublished work.
func (s *server) loadPublicPOK(r *http.Request) (*publicPOK, error) {
	mcs := s.store
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return nil, notFoundErr()
	}
	ctx := r.Context()
	mc, err := mcs.PublishedMicrocredential(ctx, id)
	if pokot.ErrorCode(err) == pokot.ENOTFOUND {
		return nil, notFoundErr()
	} else if err != nil {
		return nil, err
	}
	p := &publicPOK{MC: mc, Version: mc.Published, mcs: mcs}
	if ns := r.PathValue("n"); ns != "" {
		n, err := strconv.Atoi(ns)
		if err != nil || n < 1 || n > mc.CurrentVersion {
			return nil, notFoundErr()
		}
		if n != mc.PublishedVersion {
			v, err := mcs.MicrocredentialVersion(ctx, mc.OrgID, mc.ID, n)
			if pokot.ErrorCode(err) == pokot.ENOTFOUND {
				return nil, notFoundErr()
			} else if err != nil {
				return nil, err
			}
			if !wasPublished(v) {
				return nil, notFoundErr()
			}
			p.Version = v
		}
	}
	if p.Version == nil || !wasPublished(p.Version) {
		return nil, notFoundErr()
	}
	if p.Org, err = s.store.OrgByID(ctx, mc.OrgID); err != nil {
		return nil, err
	}
	return p, nil
}

// wasPublished reports whether a version is or was in the catalogue.
func wasPublished(v *pokot.MicrocredentialVersion) bool {
	return v.PublishedAt != nil && (v.Status == pokot.StatusPublished || v.Status == pokot.StatusArchived)
}

// publishedVersions lists the versions of p that are or were in the catalogue, newest first.
func (p *publicPOK) publishedVersions(r *http.Request) ([]*pokot.MicrocredentialVersion, error) {
	vs, err := p.mcs.MicrocredentialVersions(r.Context(), p.MC.OrgID, p.MC.ID)
	if err != nil {
		return nil, err
	}
	var out []*pokot.MicrocredentialVersion
	for _, v := range vs {
		if wasPublished(v) {
			out = append(out, v)
		}
	}
	return out, nil
}
