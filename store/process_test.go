package store

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test binary doubles as a second program using the store: run with helperEnv set to
// "MODE PATH", TestMain runs that mode instead of the tests.
const helperEnv = "JIXIAO_STORE_HELPER"

func TestMain(m *testing.M) {
	if v := os.Getenv(helperEnv); v != "" {
		mode, path, _ := strings.Cut(v, " ")
		if err := helper(mode, path); err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// helper is the other program.
//   - hold: saves indicator 1 of "k" as "child", printing "holding" while inside the
//     transaction and committing once its standard input closes;
//   - loop: saves without end, printing the number of each save once it has committed.
func helper(mode, path string) error {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	child := Author{Name: "child"}
	switch mode {
	case "hold":
		s.midSave = func(context.Context) error {
			fmt.Println("holding")
			_, err := io.Copy(io.Discard, os.Stdin) // until the parent closes it
			return err
		}
		if _, err := s.SaveIndicator(ctx, "k", 1, Indicator{Score: MustScore("77.7"), Note: "child"}, child); err != nil {
			return err
		}
		fmt.Println("committed")
	case "loop":
		for i := 0; ; i++ {
			score := MustScore(strconv.Itoa(i) + ".25")
			if _, err := s.SaveIndicator(ctx, "loop#1", 1+i%5, Indicator{Score: score, Reason: strings.Repeat("理由", i%50)}, child); err != nil {
				return err
			}
			fmt.Println(i)
		}
	default:
		return fmt.Errorf("unknown mode %q", mode)
	}
	return nil
}

// startHelper runs the test binary as the other program.
func startHelper(t *testing.T, mode, path string) (cmd *exec.Cmd, stdin io.WriteCloser, lines *bufio.Scanner) {
	t.Helper()
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode+" "+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		cmd.Process.Kill() // a no-op once it has exited
		cmd.Wait()
	})
	return cmd, stdin, bufio.NewScanner(stdout)
}

// TestAnotherProcessHoldsTheWriteLock: while another program is inside a save, this one
// reads the committed state at once, and its own save waits, then gives up with ErrBusy
// after the busy timeout, or with its context.
func TestAnotherProcessHoldsTheWriteLock(t *testing.T) {
	bg := context.Background()
	path := tempPath(t, "review.db")
	s, err := open(bg, path, 300*time.Millisecond)
	require.NoError(t, err)
	defer s.Close()
	_, err = s.SaveIndicator(bg, "k", 1, Indicator{Score: MustScore("10")}, zhang)
	require.NoError(t, err)

	cmd, stdin, lines := startHelper(t, "hold", path)
	require.True(t, lines.Scan(), "the other program should report that it holds the lock")
	require.Equal(t, "holding", lines.Text())

	ctx, cancel := context.WithTimeout(bg, 2*time.Second)
	defer cancel()
	rec, err := s.Project(ctx, "k")
	require.NoError(t, err, "reading while another program writes")
	assert.Equal(t, "10", rec.Indicators[0].Review.Score.String(), "the uncommitted save is not seen")

	start := time.Now()
	_, err = s.SaveIndicator(bg, "k", 2, Indicator{Note: "waits"}, zhang)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrBusy)
	assert.GreaterOrEqual(t, time.Since(start), 250*time.Millisecond, "the save should have waited for the busy timeout")
	assert.Contains(t, err.Error(), "the database is held by another program; try again later")

	ctx, cancel = context.WithTimeout(bg, 100*time.Millisecond)
	defer cancel()
	_, err = s.SaveIndicator(ctx, "k", 2, Indicator{Note: "waits"}, zhang)
	assert.ErrorIs(t, err, context.DeadlineExceeded)

	require.NoError(t, stdin.Close())
	require.True(t, lines.Scan())
	require.Equal(t, "committed", lines.Text())
	require.NoError(t, cmd.Wait())

	rec, err = s.Project(bg, "k")
	require.NoError(t, err)
	require.Len(t, rec.Indicators, 1, "the saves that gave up left nothing")
	assert.Equal(t, IndicatorRecord{Ref: "#1", N: 1, Fingerprint: zhang.Fingerprint, Review: Indicator{Score: MustScore("77.7"), Note: "child"},
		Changed: rec.Indicators[0].Changed}, rec.Indicators[0])
	assert.Equal(t, "child", rec.Indicators[0].Changed.By)
	_, err = s.SaveIndicator(bg, "k", 2, Indicator{Note: "now"}, zhang)
	require.NoError(t, err, "once the other program is done, saves go through")
	checkAuditReplays(t, s)
}

// TestKilledMidWrite kills a program that saves without pause: every save it reported as
// committed is there, the record and the audit agree, and the file is sound.
func TestKilledMidWrite(t *testing.T) {
	bg := context.Background()
	path := tempPath(t, "review.db")
	cmd, _, lines := startHelper(t, "loop", path)
	reported := -1
	for lines.Scan() && reported < 200 {
		n, err := strconv.Atoi(lines.Text())
		require.NoError(t, err, "helper printed %q", lines.Text())
		reported = n
	}
	require.Equal(t, 200, reported, "the helper stopped early")
	require.NoError(t, cmd.Process.Kill()) // SIGKILL: no deferred Close, no rollback
	cmd.Wait()

	s := openAt(t, path)
	db := raw(t, path)
	assert.Equal(t, "ok", pragma(t, db, "integrity_check"))
	var scores int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM audit WHERE field = 'score'`).Scan(&scores))
	// Each save changes one score; saves after the last reported one may have committed too.
	assert.GreaterOrEqual(t, scores, reported+1, "a save reported as committed is missing")
	rec, err := s.Project(bg, "loop#1")
	require.NoError(t, err)
	require.Len(t, rec.Indicators, 5)
	last := scores - 1 // the number of the last committed save
	ir, _ := rec.Indicator(PlaceRef(1 + last%5))
	assert.Equal(t, strconv.Itoa(last)+".25", ir.Review.Score.String(), "the last committed save is the record")
	checkAuditReplays(t, s)
}
