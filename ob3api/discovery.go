package ob3api

import (
	"net/http"

	"github.com/pokot/pokot"
)

// ScopeDescriptions explain the scopes in the discovery document (English; the consent
// page says them in the user's language).
var ScopeDescriptions = map[string]string{
	pokot.OB3ScopeCredentialRead:   "Permission to read the learner's credentials.",
	pokot.OB3ScopeCredentialUpsert: "Permission to add credentials to the learner's wallet and replace them.",
	pokot.OB3ScopeProfileRead:      "Permission to read the learner's profile (name and e-mail address).",
	pokot.OB3ScopeProfileUpdate:    "Permission to change the learner's name in the profile.",
}

// URLs of the authorization server, relative to the base URL.
const (
	AuthorizePath = "/oauth/authorize"
	TokenPath     = "/oauth/token"
	RegisterPath  = "/oauth/register"
	RevokePath    = "/oauth/revoke"
	PrivacyPath   = "/oauth/privacy"
)

// discovery serves the Service Description Document (OB 3.0 §6.3.1): an OpenAPI
// document naming the endpoints, the OAuth 2.0 authorization code flow with its URLs and
// scopes, the registration URL and the privacy policy.
func (s *Server) discovery(w http.ResponseWriter, r *http.Request) {
	scopes := map[string]string{}
	for _, sc := range pokot.OB3Scopes {
		scopes[sc] = ScopeDescriptions[sc]
	}
	resp := func(desc string) map[string]any { return map[string]any{"description": desc} }
	status := map[string]any{"description": "Imsx_StatusInfo", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Imsx_StatusInfo"}}}}
	secured := func(scope string) []any { return []any{map[string]any{"OAuth2ACG": []string{scope}}} }
	doc := map[string]any{
		"openapi": "3.0.1",
		"info": map[string]any{
			"title":                    "POKOT Open Badges 3.0 API",
			"version":                  "3.0",
			"description":              "The Open Badges 3.0 API of POKOT: a learner's credentials and profile.",
			"termsOfService":           s.base + PrivacyPath,
			"x-imssf-privacyPolicyUrl": s.base + PrivacyPath,
		},
		"servers": []any{map[string]any{"url": s.base + "/ims/ob/v3p0", "description": "POKOT"}},
		"tags":    []any{map[string]any{"name": "OpenBadgeCredentials"}, map[string]any{"name": "Profiles"}, map[string]any{"name": "Discovery"}},
		"paths": map[string]any{
			"/credentials": map[string]any{
				"get": map[string]any{"tags": []string{"OpenBadgeCredentials"}, "operationId": "getCredentials",
					"summary":    "The authenticated learner's credentials, newest first.",
					"parameters": []any{queryParam("limit", 1), queryParam("offset", 0)},
					"security":   secured(pokot.OB3ScopeCredentialRead),
					"responses": map[string]any{"200": map[string]any{"description": "GetOpenBadgeCredentialsResponse, with X-Total-Count and Link headers"},
						"400": status, "401": status, "403": status, "500": status}},
				"post": map[string]any{"tags": []string{"OpenBadgeCredentials"}, "operationId": "upsertCredential",
					"summary":  "Add a credential (application/json, or a compact JWS as text/plain) or replace the one with the same id.",
					"security": secured(pokot.OB3ScopeCredentialUpsert),
					"responses": map[string]any{"200": resp("Replaced"), "201": resp("Created"),
						"400": status, "401": status, "403": status, "413": status, "415": status, "500": status}},
			},
			"/profile": map[string]any{
				"get": map[string]any{"tags": []string{"Profiles"}, "operationId": "getProfile",
					"security":  secured(pokot.OB3ScopeProfileRead),
					"responses": map[string]any{"200": resp("Profile"), "401": status, "403": status, "500": status}},
				"put": map[string]any{"tags": []string{"Profiles"}, "operationId": "putProfile",
					"security":  secured(pokot.OB3ScopeProfileUpdate),
					"responses": map[string]any{"200": resp("Profile"), "400": status, "401": status, "403": status, "500": status}},
			},
			"/discovery": map[string]any{
				"get": map[string]any{"tags": []string{"Discovery"}, "operationId": "getServiceDescription",
					"security":  []any{},
					"responses": map[string]any{"200": resp("ServiceDescriptionDocument"), "500": status}},
			},
		},
		"components": map[string]any{
			"securitySchemes": map[string]any{
				"OAuth2ACG": map[string]any{
					"type":                      "oauth2",
					"description":               "OAuth 2.0 Authorization Code Grant authorization with PKCE (S256)",
					"x-imssf-name":              "POKOT",
					"x-imssf-privacyPolicyUrl":  s.base + PrivacyPath,
					"x-imssf-registrationUrl":   s.base + RegisterPath,
					"x-imssf-termsOfServiceUrl": s.base + PrivacyPath,
					"flows": map[string]any{"authorizationCode": map[string]any{
						"authorizationUrl": s.base + AuthorizePath,
						"tokenUrl":         s.base + TokenPath,
						"refreshUrl":       s.base + TokenPath,
						"scopes":           scopes,
					}},
				},
			},
			"schemas": map[string]any{
				"Imsx_StatusInfo": map[string]any{"type": "object", "required": []string{"imsx_codeMajor", "imsx_severity"},
					"properties": map[string]any{
						"imsx_codeMajor":   map[string]any{"type": "string", "enum": []string{"success", "processing", "failure", "unsupported"}},
						"imsx_severity":    map[string]any{"type": "string", "enum": []string{"status", "warning", "error"}},
						"imsx_description": map[string]any{"type": "string"},
						"imsx_codeMinor":   map[string]any{"type": "object"},
					}},
			},
		},
	}
	writeJSON(w, http.StatusOK, doc)
}

func queryParam(name string, minimum int) map[string]any {
	return map[string]any{"name": name, "in": "query", "required": false,
		"schema": map[string]any{"type": "integer", "format": "int32", "minimum": minimum}}
}
