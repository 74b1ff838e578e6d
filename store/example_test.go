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
	key := store.ProjectKey("县教育局/2023.xlsx", 1)
	by := store.Author{Name: "张三", Fingerprint: store.Fingerprint(submission)}
	score, _ := store.ParseScore("19.81")
	if _, err := s.SaveIndicator(ctx, key, 3, store.Indicator{Actual: "95%", Score: score, Reason: "部分佐证不足", Rule: "R03"}, by); err != nil {
		fmt.Println(err)
		return
	}

	rec, _ := s.Project(ctx, key)
	ir, _ := rec.Indicator(3)
	fmt.Println(rec.Key, ir.N, ir.Review.Score, ir.Review.Reason, ir.Changed.By)
	fmt.Println("edited since:", rec.Stale(store.Fingerprint([]byte("edited bytes"))))

	changes, _ := s.History(ctx, key, 3)
	for _, c := range changes {
		fmt.Printf("%s: %q → %q\n", c.Field, c.Old, c.New)
	}
	// Output:
	// 县教育局/2023.xlsx#1 3 19.81 部分佐证不足 张三
	// edited since: true
	// actual: "" → "95%"
	// score: "" → "19.81"
	// reason: "" → "部分佐证不足"
	// rule: "" → "R03"
}
