package web

import (
	"net/http"
	"net/url"

	"github.com/pokot/pokot/issuer"
	"github.com/pokot/pokot/ob3api"
)

// routes is the whole URL space of the site, top to bottom. Page handlers are wrapped by
// s.app (session, language, CSRF check on POST, error page); s.signedIn and s.platformAdmin
// add the access checks; organisation pages check membership inside (orgAccess).
func (s *server) routes(api, metrics http.Handler) http.Handler {
	mux := http.NewServeMux()

	// Operations and assets: no session, no CSRF.
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.HandleFunc("GET /static/{file}", s.serveStatic)
	mux.Handle("/api/", orNotFound(api))
	mux.Handle("/metrics", guardMetrics(s.cfg.MetricsToken, orNotFound(metrics)))

	// Public pages.
	mux.Handle("GET /{$}", s.app(s.home))
	mux.Handle("GET /setup", s.app(s.setupForm))
	mux.Handle("POST /setup", s.app(s.setup))

	// Signing in and out.
	mux.Handle("GET /signin", s.app(s.signinForm))
	mux.Handle("POST /signin", s.app(s.signin))
	mux.Handle("POST /signout", s.app(s.signout))
	mux.Handle("POST /signout/everywhere", s.app(s.signedIn(s.signoutEverywhere)))
	mux.Handle("GET /password/forgot", s.app(s.forgotForm))
	mux.Handle("POST /password/forgot", s.app(s.forgot))
	mux.Handle("GET /password/reset/{token}", s.app(s.resetForm))
	mux.Handle("POST /password/reset/{token}", s.app(s.reset))
	mux.Handle("GET /auth/oidc/{provider}", s.app(s.oidcStart))
	mux.Handle("GET /auth/oidc/{provider}/callback", s.app(s.oidcCallback))

	// Invitations (the token is the permission).
	mux.Handle("GET /invitations/{token}", s.app(s.invitationPage))
	mux.Handle("POST /invitations/{token}", s.app(s.acceptInvitation))

	// The signed-in user.
	mux.Handle("GET /dashboard", s.app(s.signedIn(s.dashboard)))
	mux.Handle("GET /profile", s.app(s.signedIn(s.profile)))
	mux.Handle("POST /profile", s.app(s.signedIn(s.saveProfile)))
	mux.Handle("POST /profile/password", s.app(s.signedIn(s.changePassword)))
	mux.Handle("POST /profile/tokens", s.app(s.signedIn(s.createToken)))
	mux.Handle("POST /profile/tokens/{id}/revoke", s.app(s.signedIn(s.revokeToken)))

	// One organisation (members see it; org admins and platform admins manage it).
	mux.Handle("GET /orgs/{slug}", s.app(s.signedIn(s.orgHome)))
	mux.Handle("GET /orgs/{slug}/settings", s.app(s.signedIn(s.orgSettings)))
	mux.Handle("POST /orgs/{slug}/settings", s.app(s.signedIn(s.saveOrgSettings)))
	mux.Handle("GET /orgs/{slug}/members", s.app(s.signedIn(s.members)))
	mux.Handle("POST /orgs/{slug}/members/{user}/roles", s.app(s.signedIn(s.addRole)))
	mux.Handle("POST /orgs/{slug}/members/{user}/roles/remove", s.app(s.signedIn(s.removeRole)))
	mux.Handle("POST /orgs/{slug}/invitations", s.app(s.signedIn(s.invite)))
	mux.Handle("POST /orgs/{slug}/invitations/{id}/cancel", s.app(s.signedIn(s.cancelInvitation)))

	// Platform administration.
	mux.Handle("GET /admin/orgs", s.app(s.platformAdmin(s.adminOrgs)))
	mux.Handle("GET /admin/orgs/new", s.app(s.platformAdmin(s.newOrgForm)))
	mux.Handle("POST /admin/orgs/new", s.app(s.platformAdmin(s.createOrg)))
	mux.Handle("GET /admin/users", s.app(s.platformAdmin(s.adminUsers)))
	mux.Handle("GET /admin/outbox", s.app(s.platformAdmin(s.outbox)))
	mux.Handle("GET /admin/outbox/{id}", s.app(s.platformAdmin(s.outboxMail)))

	// Public catalogue of published POKs (issue 4).
	mux.Handle("GET /microcredentials", s.app(s.catalogue))
	mux.HandleFunc("GET /microcredentials/feed.atom", s.catalogueAtom)
	mux.HandleFunc("GET /microcredentials/feed.rss", s.catalogueRSS)
	mux.Handle("GET /microcredentials/{id}", s.app(s.pokPage))
	mux.Handle("GET /microcredentials/{id}/image", s.app(s.pokImage))
	mux.Handle("GET /microcredentials/{id}/ob3", s.app(s.pokOB3))
	mux.Handle("GET /microcredentials/{id}/elm", s.app(s.pokELM))
	mux.Handle("GET /microcredentials/{id}/csv", s.app(s.pokCSV))
	mux.Handle("GET /microcredentials/{id}/versions/{n}", s.app(s.pokVersionPage))
	mux.Handle("GET /microcredentials/{id}/versions/{n}/image", s.app(s.pokImage))
	mux.Handle("GET /microcredentials/{id}/versions/{n}/ob3", s.app(s.pokOB3))
	mux.Handle("GET /microcredentials/{id}/versions/{n}/elm", s.app(s.pokELM))
	mux.Handle("GET /microcredentials/{id}/versions/{n}/csv", s.app(s.pokCSV))
	mux.HandleFunc("GET /sitemap.xml", s.sitemap)

	// Design studio: drafts, co-design, quality gate, workflow (issue 4).
	mux.Handle("GET /studio", s.app(s.signedIn(s.studioHome)))
	mux.Handle("GET /orgs/{slug}/studio", s.app(s.signedIn(s.studioList)))
	mux.Handle("POST /orgs/{slug}/studio", s.app(s.signedIn(s.studioCreate)))
	mux.Handle("GET /orgs/{slug}/studio/{id}", s.app(s.signedIn(s.studioOverview)))
	mux.Handle("GET /orgs/{slug}/studio/{id}/step/{step}", s.app(s.signedIn(s.studioStep)))
	mux.Handle("POST /orgs/{slug}/studio/{id}/step/{step}", s.preparseMultipart(s.app(s.signedIn(s.studioSave))))
	mux.Handle("GET /orgs/{slug}/studio/{id}/preview", s.app(s.signedIn(s.studioPreview)))
	mux.Handle("GET /orgs/{slug}/studio/{id}/image", s.app(s.signedIn(s.studioImage)))
	mux.Handle("POST /orgs/{slug}/studio/{id}/transition", s.app(s.signedIn(s.studioTransition)))
	mux.Handle("POST /orgs/{slug}/studio/{id}/versions", s.app(s.signedIn(s.studioNewVersion)))
	mux.Handle("GET /orgs/{slug}/studio/{id}/versions", s.app(s.signedIn(s.studioVersions)))
	mux.Handle("GET /orgs/{slug}/studio/{id}/history", s.app(s.signedIn(s.studioHistory)))
	mux.Handle("POST /orgs/{slug}/studio/{id}/partners", s.app(s.signedIn(s.studioInvitePartner)))
	mux.Handle("POST /orgs/{slug}/studio/{id}/partners/{grant}/remove", s.app(s.signedIn(s.studioRemovePartner)))
	mux.Handle("POST /orgs/{slug}/studio/{id}/comments", s.app(s.signedIn(s.studioComment)))
	mux.Handle("POST /orgs/{slug}/studio/{id}/comments/{comment}/resolve", s.app(s.signedIn(s.studioResolve)))
	mux.Handle("POST /orgs/{slug}/studio/{id}/signoff", s.app(s.signedIn(s.studioSignOff)))

	// Running a POK: offerings, registration, assessment, issuing (issue 5).
	mux.Handle("GET /orgs/{slug}/offerings", s.app(s.signedIn(s.offerings)))
	mux.Handle("GET /orgs/{slug}/offerings/new", s.app(s.signedIn(s.newOfferingForm)))
	mux.Handle("POST /orgs/{slug}/offerings/new", s.app(s.signedIn(s.createOffering)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}", s.app(s.signedIn(s.offeringPage)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/edit", s.app(s.signedIn(s.editOfferingForm)))
	mux.Handle("POST /orgs/{slug}/offerings/{id}/edit", s.app(s.signedIn(s.saveOffering)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/participants", s.app(s.signedIn(s.participants)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/participants.csv", s.app(s.signedIn(s.participantsCSV)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/participants/{reg}/cancel", s.app(s.signedIn(s.staffCancelForm)))
	mux.Handle("POST /orgs/{slug}/offerings/{id}/participants/{reg}/cancel", s.app(s.signedIn(s.staffCancel)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/assessment", s.app(s.signedIn(s.assessmentGrid)))
	mux.Handle("POST /orgs/{slug}/offerings/{id}/assessment", s.app(s.signedIn(s.saveGrid)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/assessment.csv", s.app(s.signedIn(s.assessmentTemplate)))
	mux.Handle("POST /orgs/{slug}/offerings/{id}/assessment/import", s.preparseMultipart(s.app(s.signedIn(s.importAssessments))))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/issuing", s.app(s.signedIn(s.issuingPage)))
	mux.Handle("POST /orgs/{slug}/offerings/{id}/issuing", s.app(s.signedIn(s.startIssuing)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/issuing/{batch}", s.app(s.signedIn(s.batchPage)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/issuing/{batch}/progress", s.app(s.signedIn(s.batchProgress)))
	mux.Handle("GET /orgs/{slug}/offerings/{id}/credentials/{cred}/status", s.app(s.signedIn(s.credentialStatusForm)))
	mux.Handle("POST /orgs/{slug}/offerings/{id}/credentials/{cred}/status", s.app(s.signedIn(s.changeCredentialStatus)))
	mux.Handle("GET /microcredentials/{id}/offerings/{offering}", s.app(s.offeringPublicPage))
	mux.Handle("POST /microcredentials/{id}/offerings/{offering}/register", s.app(s.register))
	mux.Handle("GET /registrations/confirm/{token}", s.app(s.registrationLink("confirm")))
	mux.Handle("POST /registrations/confirm/{token}", s.app(s.confirmRegistration))
	mux.Handle("GET /registrations/cancel/{token}", s.app(s.registrationLink("cancel")))
	mux.Handle("POST /registrations/cancel/{token}", s.app(s.cancelRegistration))

	// Organisation identity and status lists (issue 5): public, no sign-in.
	verify := s.newVerifyPage()
	mux.Handle("GET /verify", s.app(verify.form))
	mux.Handle("POST /verify", verify.verifyMultipart(s.app(verify.verify)))
	mux.Handle("GET "+issuer.StatusReferencePath, s.app(s.credentialStatusValues))
	if s.issuer != nil {
		h := s.issuer.Handler()
		for _, p := range issuer.Patterns {
			mux.Handle(p, h)
		}
	}

	// Open Badges 3.0 API and OAuth 2.0 (issue 5).
	if ob3 := s.newOAuth(); ob3 != nil {
		for _, p := range ob3api.Patterns {
			mux.Handle(p, ob3.api)
		}
		mux.Handle("GET /oauth/authorize", s.app(ob3.authorizeForm))
		mux.Handle("POST /oauth/authorize", s.app(ob3.authorize))
		mux.Handle("GET /oauth/privacy", s.app(ob3.privacy))
		mux.Handle("GET /oauth/grants", s.app(s.signedIn(ob3.grants)))
		mux.Handle("POST /oauth/grants/{client}/revoke", s.app(s.signedIn(ob3.revokeGrant)))
	}

	// The learner's wallet (issue 5).
	wallet := s.newWalletPages(verify)
	mux.Handle("GET /signin/link", s.app(wallet.linkForm))
	mux.Handle("POST /signin/link", s.app(wallet.sendLink))
	mux.Handle("GET /signin/link/{token}", s.app(wallet.linkConfirmForm))
	mux.Handle("POST /signin/link/{token}", s.app(wallet.linkSignin))
	mux.Handle("GET /wallet", s.app(s.signedIn(wallet.list)))
	mux.Handle("GET /wallet/export.zip", s.app(s.signedIn(wallet.exportZip)))
	mux.Handle("GET /wallet/account", s.app(s.signedIn(wallet.account)))
	mux.Handle("POST /wallet/account/email", s.app(s.signedIn(wallet.changeEmail)))
	mux.Handle("GET /wallet/account/email/{token}", s.app(wallet.emailConfirmForm))
	mux.Handle("POST /wallet/account/email/{token}", s.app(wallet.confirmEmail))
	mux.Handle("GET /wallet/account/delete", s.app(s.signedIn(wallet.deleteForm)))
	mux.Handle("POST /wallet/account/delete", s.app(s.signedIn(wallet.deleteAccount)))
	mux.Handle("GET /wallet/{id}", s.app(s.signedIn(wallet.credential)))
	mux.Handle("GET /wallet/{id}/{file}", s.app(s.signedIn(wallet.download)))
	mux.Handle("POST /wallet/{id}/share", s.app(s.signedIn(wallet.share)))
	mux.Handle("POST /wallet/{id}/unshare", s.app(s.signedIn(wallet.unshare)))
	mux.Handle("GET /wallet/add", s.app(s.signedIn(wallet.addForm)))
	mux.Handle("POST /wallet/add", verify.verifyMultipart(s.app(s.signedIn(wallet.add))))
	mux.Handle("POST /wallet/{id}/remove", s.app(s.signedIn(wallet.remove)))
	// The learner's own registrations (listed on /wallet).
	mux.Handle("POST /wallet/registrations/{id}/cancel", s.app(s.signedIn(s.cancelMine)))
	mux.Handle("GET /c/{token}", s.app(wallet.shared))
	// The address e-mailed to the learner when a credential is issued (package issuing).
	mux.HandleFunc("GET /credentials/{id}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/wallet/"+url.PathEscape(r.PathValue("id")), http.StatusSeeOther)
	})

	// Stackable pathways (issue 5).
	mux.Handle("GET /orgs/{slug}/pathways", s.app(s.signedIn(s.orgPathways)))
	mux.Handle("GET /orgs/{slug}/pathways/new", s.app(s.signedIn(s.pathwayFormPage)))
	mux.Handle("POST /orgs/{slug}/pathways/new", s.app(s.signedIn(s.savePathway)))
	mux.Handle("GET /orgs/{slug}/pathways/{id}", s.app(s.signedIn(s.pathwayLearners)))
	mux.Handle("GET /orgs/{slug}/pathways/{id}/edit", s.app(s.signedIn(s.pathwayFormPage)))
	mux.Handle("POST /orgs/{slug}/pathways/{id}/edit", s.app(s.signedIn(s.savePathway)))
	mux.Handle("GET /pathways/{id}", s.app(s.publicPathway))
	mux.Handle("GET /pathways/{id}/credential.json", s.app(s.signedIn(s.pathwayCredentialJSON)))

	// Everything else is a page in the user's language saying it does not exist.
	mux.Handle("/", s.app(s.notFound))
	return mux
}

func orNotFound(h http.Handler) http.Handler {
	if h == nil {
		return http.NotFoundHandler()
	}
	return h
}
