package published

// checkContents compares the tables the 目录 lists with the tables the report holds: each
// table listed and not found, and each table found and not listed. A report without a 目录,
// or whose 目录 lists no final-accounts table, is not checked.
func checkContents(doc *Document) []Finding {
	if len(doc.Contents) == 0 {
		return nil
	}
	listed := map[int]bool{}
	held := map[int]bool{}
	for _, t := range doc.Tables {
		held[t.Number] = true
	}
	var out []Finding
	for _, e := range doc.Contents {
		if listed[e.Number] {
			continue
		}
		listed[e.Number] = true
		if !held[e.Number] {
			f := newFinding(CodeContentsMissing)
			f.Pos, f.Subject, f.Item = e.Pos, "目录", e.Title
			f.Names = []string{"公开" + twoDigits(e.Number) + "表"}
			out = append(out, f)
		}
	}
	for _, t := range doc.Tables {
		if t.Number > 0 && !listed[t.Number] {
			f := newFinding(CodeContentsUnlisted)
			f.Pos, f.Other, f.Subject, f.Item = t.Pos, doc.Contents[0].Pos, t.Name(), t.Title
			out = append(out, f)
			listed[t.Number] = true
		}
	}
	return out
}
