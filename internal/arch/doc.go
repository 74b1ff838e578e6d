// Package arch holds no code: its test enforces the direction of imports between jixiao's
// packages (indicators → rules → engine → report → cmd) and which package may use which
// third-party library.
package arch
