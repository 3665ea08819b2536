package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/server"
)

func (a *app) serveCmd() *cobra.Command {
	var addr, token string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and the HTTP API on the store",
		Long: `Serve the web UI and the JSON API (under /api/v1) on the store until interrupted.
It listens on 127.0.0.1:8080 by default: only this machine can reach it.

The server is read-only unless --token is given (or $DOSSIER_TOKEN): then
POST /api/v1/decisions records merge, not-same and undo decisions for clients
that send "Authorization: Bearer TOKEN". --token auto makes a random token and
prints it.`,
		Example: "  dossier serve\n  dossier serve --addr 127.0.0.1:9000\n  dossier serve --token auto",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			h := server.New(st, a.log)
			if token == "auto" {
				b := make([]byte, 16)
				if _, err := rand.Read(b); err != nil {
					return err
				}
				token = hex.EncodeToString(b)
				fmt.Fprintf(a.stdout, "dossier: write token %s (send it as Authorization: Bearer TOKEN)\n", token)
			}
			if token != "" {
				if err := h.EnableWrites(token); err != nil {
					return usageError{fmt.Errorf("--token: %w", err)}
				}
			}
			srv := &http.Server{
				Handler:           h,
				ReadHeaderTimeout: 10 * time.Second,
				WriteTimeout:      60 * time.Second,
				IdleTimeout:       2 * time.Minute,
			}
			fmt.Fprintf(a.stdout, "dossier: serving %s on http://%s/ (Ctrl-C to stop)\n", a.dbPath, ln.Addr())
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-cmd.Context().Done():
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
					return err
				}
				return nil
			}
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&token, "token", os.Getenv("DOSSIER_TOKEN"), "enable decisions over the API for clients with this token (16+ characters, or auto) (env DOSSIER_TOKEN)")
	return cmd
}
