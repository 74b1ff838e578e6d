// Package layout is the first stage of reading a published document: it turns the text of a
// report as extracted (lines whose cells are separated by tabs, Markdown with pipe tables) or a
// Word .docx file into lines of cells, each with its position, and cleans what extraction
// leaves in the text (TeX operators such as \geq and $>$, Markdown emphasis).
//
// It knows nothing of what the cells mean: finding tables, columns and figures is the job of
// the packages that use it. A PDF extractor can produce the same lines, so that everything
// after this stage reads every format alike.
//
// It imports only indicators (for the position type) and the standard library; it must not
// import rules, engine, report, cmd or published.
package layout
