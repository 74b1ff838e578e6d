// Package layout is the first stage of reading a published document: it turns the text of a
// report as extracted (lines whose cells are separated by tabs, Markdown with pipe tables), a
// Word .docx file, or a PDF (its text layer, through poppler's pdftotext run as a program,
// bounded in time and output) into lines of cells, each with its position, and cleans what
// extraction leaves in the text (TeX operators such as \geq and $>$, Markdown emphasis). A
// PDF's lines also keep their page and height on it and its cells their horizontal extent, so
// that columns can be found by where text stands.
//
// It knows nothing of what the cells mean: finding tables, columns and figures is the job of
// the packages that use it, so that everything after this stage reads every format alike.
//
// It imports only indicators (for the position type), internal/i18n and the standard library;
// it must not import rules, engine, report, cmd or published.
package layout
