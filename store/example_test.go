package store_test

import (
	"context"
	"fmt"
	"os"

	"jixiao/store"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "batch")
	defer os.RemoveAll(dir)

	s, err := store.Open(ctx, store.DefaultPath(dir)) // dir/.jixiao/review.db
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	submission := []byte("the submission file's bytes")
	key := store.ProjectKey("县教育局/2023.xlsx", "学前教育", 1)
	ref := store.IndicatorRef("产出指标", "质量指标", "验收合格率", 1)
	by := store.Author{Name: "张三", Fingerprint: store.Fingerprint(submission)}
	score, _ := store.ParseScore("19.81")
	if _, err := s.SaveIndicators(ctx, key, []store.Entry{{N: 3, Ref: ref,
		Review: store.Indicator{Actual: "95%", Score: score, Reason: "部分佐证不足", Rule: "R03"}}}, by); err != nil {
		fmt.Println(err)
		return
	}

	rec, _ := s.Project(ctx, key)
	ir, _ := rec.Indicator(ref)
	fmt.Println(rec.Key, ir.N, ir.Review.Score, ir.Review.Reason, ir.Changed.By)
	fmt.Println("edited since:", rec.Stale(store.Fingerprint([]byte("edited bytes"))))

	changes, _ := s.History(ctx, key, ref)
	for _, c := range changes {
		fmt.Printf("%s: %q → %q\n", c.Field, c.Old, c.New)
	}
	// Output:
	// 县教育局/2023.xlsx#p:学前教育 3 19.81 部分佐证不足 张三
	// edited since: true
	// actual: "" → "95%"
	// score: "" → "19.81"
	// reason: "" → "部分佐证不足"
	// rule: "" → "R03"
}
