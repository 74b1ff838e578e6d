// Package indicators owns a self-evaluation as submitted: the model (Project, Funds,
// Indicator, Tier…), the file format as one table of keys (Fields), and every syntax the
// format is read from or written in — TOML (toml.go, the only importer of the TOML
// library), JSON Lines (json.go, with a direct path over fastjson, its only importer),
// workbooks (workbook.go, through sheets) — all through one decoder (decode.go, read.go)
// that checks every key the same way, with the positions of keys and cells and the error
// list. Around it, by job: input formats and file discovery (input.go), limits
// (limits.go), encoding checks (encoding.go), typo suggestions (suggest.go), the writers
// (write.go) and the JSON Schema (jsonschema.go).
//
// It knows nothing of expressions beyond their text and position, and must not import
// rules, engine, batch, report or cmd.
package indicators
