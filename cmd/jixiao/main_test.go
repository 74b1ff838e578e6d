package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/assert"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"jixiao": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// The CLI scripts in testdata/script: each archive holds the command, its input files and
// the expected output. SEED is the bundled example folder.
func TestScripts(t *testing.T) {
	seed, err := filepath.Abs("../../testdata/quangang-2021")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEED", seed)
			return nil
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
	})
}

func TestRunWithoutArguments(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run(nil, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, exitInput, code)
	assert.Contains(t, errOut.String(), "Usage:")
	assert.Empty(t, out.String())
}
