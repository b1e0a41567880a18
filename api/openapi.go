package api

import (
	_ "embed"
	"net/http"

	"github.com/pokot/pokot"
)

// openAPIDoc is the OpenAPI 3.1 description of /api/v1; TestOpenAPIMatchesRoutes keeps its
// paths and the registered routes in step.
//
//go:embed openapi.json
var openAPIDoc []byte

func (a *API) openAPI(w http.ResponseWriter, r *http.Request, _ *pokot.User) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(openAPIDoc)
	return nil
}
