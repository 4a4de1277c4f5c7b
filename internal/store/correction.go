package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Correction is one analyst decision in the audit table: a merge, a split
// or an undo, with its arguments (JSON, defined by the merge stage), time
// and reason. UndoneAt is set once the correction has been undone.
type Correction struct {
	ID       int64           `json:"id"`
	At       time.Time       `json:"at"`
	Action   string          `json:"action"`
	Args     json.RawMessage `json:"args"`
	Reason   string          `json:"reason,omitempty"`
	UndoneAt *time.Time      `json:"undone_at,omitempty"`
}

// AddCorrection appends a correction to the audit table and returns its ID.
func (t *Tx) AddCorrection(ctx context.Context, action string, args any, reason string) (int64, error) {
	b, err := json.Marshal(args)
	if err != nil {
		return 0, fmt.Errorf("store: add correction: %w", err)
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO corrections (at, action, args, reason) VALUES (?, ?, ?, ?)`,
		stamp(t.now), action, string(b), reason)
	if err != nil {
		return 0, fmt.Errorf("store: add correction: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("store: add correction: %w", err)
	}
	return id, nil
}

const correctionColumns = `id, at, action, args, reason, undone_at FROM corrections`

func scanCorrections(rows *sql.Rows) ([]Correction, error) {
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		var c Correction
		var at, args string
		var undone sql.NullString
		if err := rows.Scan(&c.ID, &at, &c.Action, &args, &c.Reason, &undone); err != nil {
			return nil, err
		}
		var err error
		if c.At, err = parseStamp(at); err != nil {
			return nil, err
		}
		if undone.Valid {
			u, err := parseStamp(undone.String)
			if err != nil {
				return nil, err
			}
			c.UndoneAt = &u
		}
		c.Args = json.RawMessage(args)
		out = append(out, c)
	}
	return out, rows.Err()
}

// ActiveCorrections returns the merges and splits that are in force (not
// undone), oldest first.
func (t *Tx) ActiveCorrections(ctx context.Context) ([]Correction, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT `+correctionColumns+` WHERE undone_at IS NULL AND action IN ('merge', 'split') ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: active corrections: %w", err)
	}
	cs, err := scanCorrections(rows)
	if err != nil {
		return nil, fmt.Errorf("store: active corrections: %w", err)
	}
	return cs, nil
}

// Corrections returns the whole audit trail, newest first.
func (s *Store) Corrections(ctx context.Context) ([]Correction, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+correctionColumns+` ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("store: corrections: %w", err)
	}
	cs, err := scanCorrections(rows)
	if err != nil {
		return nil, fmt.Errorf("store: corrections: %w", err)
	}
	return cs, nil
}

// UndoLastCorrection marks the newest merge or split that is still in force
// as undone, records the undo itself in the audit table and returns the
// undone correction, or ErrNotFound when there is nothing to undo.
func (t *Tx) UndoLastCorrection(ctx context.Context, reason string) (*Correction, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT `+correctionColumns+` WHERE undone_at IS NULL AND action IN ('merge', 'split') ORDER BY id DESC LIMIT 1`)
	if err != nil {
		return nil, fmt.Errorf("store: undo: %w", err)
	}
	cs, err := scanCorrections(rows)
	if err != nil {
		return nil, fmt.Errorf("store: undo: %w", err)
	}
	if len(cs) == 0 {
		return nil, fmt.Errorf("store: undo: no correction in force: %w", ErrNotFound)
	}
	c := cs[0]
	if _, err := t.tx.ExecContext(ctx, `UPDATE corrections SET undone_at = ? WHERE id = ?`, stamp(t.now), c.ID); err != nil {
		return nil, fmt.Errorf("store: undo %d: %w", c.ID, err)
	}
	if _, err := t.AddCorrection(ctx, "undo", map[string]int64{"undid": c.ID}, reason); err != nil {
		return nil, err
	}
	now := t.now
	c.UndoneAt = &now
	return &c, nil
}
