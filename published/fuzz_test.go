package published_test

import (
	"os"
	"strings"
	"testing"

	"jixiao/internal/i18n"
	"jixiao/layout"
	"jixiao/published"
)

// FuzzRead reads arbitrary text as a published report and checks it: never a panic, and
// every finding has a code the catalogue knows and a message (rendered by report) in both
// languages.
func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile(seedReport)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add(strings.ReplaceAll(miniAccounts, "|", "\t"))
	f.Add("公开01表\n项目\t金额\n合计\t1.00\n")
	f.Add("项目支出绩效自评表\n三级指标\t得分\n\t甲\t1\n")
	f.Fuzz(func(t *testing.T, text string) {
		ld, err := layout.Read("fuzz.txt", layout.Text, []byte(text))
		if err != nil {
			return
		}
		doc, err := published.FromLayout(ld)
		if err != nil {
			return
		}
		for _, f := range published.Check(doc, nil, published.Options{}) {
			if _, ok := published.LookupCode(f.Code); !ok {
				t.Fatalf("a finding with an unknown code %q", f.Code)
			}
			if msg(f, i18n.Zh) == "" || msg(f, i18n.En) == "" || strings.Contains(msg(f, i18n.Zh)+msg(f, i18n.En), "%!") {
				t.Fatalf("%s: a message that does not render", f.Code)
			}
		}
	})
}
