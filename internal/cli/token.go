package cli

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

func init() {
	register(command{
		name:    "token",
		args:    "create [--name N] | list | revoke ID",
		summary: "manage API bearer tokens (writes to the API need one)",
		run:     runToken,
	})
}

func runToken(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "token")
	name := fs.String("name", "", "a `name` to recognise the token by (create)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fmt.Errorf("%w: want create, list or revoke ID", ErrUsage)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	switch pos[0] {
	case "create":
		secret, tok, err := st.CreateToken(ctx, *name)
		if err != nil {
			return err
		}
		fmt.Fprintln(e.io.Out, secret)
		fmt.Fprintf(e.io.Err, "token %d created; it is shown only now (the database keeps a hash). Use it as \"Authorization: Bearer TOKEN\".\n", tok.ID)
		return nil
	case "list":
		toks, err := st.Tokens(ctx)
		if err != nil {
			return err
		}
		for _, t := range toks {
			state := "active"
			if t.Revoked != nil {
				state = "revoked " + t.Revoked.Format(time.DateOnly)
			}
			fmt.Fprintf(e.io.Out, "%d\t%s\t%s\t%s\n", t.ID, t.Created.Format(time.DateOnly), state, t.Name)
		}
		return nil
	case "revoke":
		if len(pos) != 2 {
			return fmt.Errorf("%w: revoke needs a token ID (see \"sitrep token list\")", ErrUsage)
		}
		id, err := strconv.ParseInt(pos[1], 10, 64)
		if err != nil {
			return fmt.Errorf("%w: token ID %q is not a number", ErrUsage, pos[1])
		}
		return st.RevokeToken(ctx, id)
	}
	return fmt.Errorf("%w: unknown token action %q: want create, list or revoke", ErrUsage, pos[0])
}
