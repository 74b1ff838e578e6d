package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// The server's timeouts. A page of a thousand projects is written in well under a second;
// the workbook of a large batch may take longer, so writes are given more.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 5 * time.Minute
	IdleTimeout       = 2 * time.Minute
	// ShutdownTimeout bounds the wait for requests in flight when the server stops; saves
	// still running then are cancelled, and nothing of them is written.
	ShutdownTimeout = 10 * time.Second
)

// Serve serves s on ln until ctx ends (SIGINT or SIGTERM, in the command), polling the
// submissions for changes meanwhile, then shuts down gracefully: no new connections,
// requests in flight given ShutdownTimeout to finish. It returns nil after a shutdown
// asked for by ctx. The store is left open for the caller to close once Serve returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		s.Watch(watchCtx)
	}()
	defer func() {
		stopWatch()
		<-watched
	}()

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(shutCtx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = srv.Close() // requests still running are cut off; their saves roll back
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// Watch looks for changed submissions every Options.Poll until ctx ends.
func (s *Server) Watch(ctx context.Context) {
	if s.opts.Poll < 0 {
		return
	}
	t := time.NewTicker(s.opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.Reload(ctx); err != nil && ctx.Err() == nil {
				s.log.Printf("reading the submissions again: %v", err)
			}
		}
	}
}
