// Package arch holds no code: its tests keep ARCHITECTURE.md and the module in step. Every
// package has its row there, no package imports what its row forbids, and each library is
// imported by its own package alone.
package arch
