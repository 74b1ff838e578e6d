package indicators

import "testing"

// BenchmarkJSONParse decodes the seed's two projects as JSON lines, the direct way a stream
// is read (one core).
func BenchmarkJSONParse(b *testing.B) {
	lines := [][]byte{seedJSON(b, "社保工作运行经费.toml"), seedJSON(b, "城乡居民养老金及个账补贴.toml")}
	var jp JSONParser
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := jp.Parse("bench", i, lines[i%2], Limits{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
