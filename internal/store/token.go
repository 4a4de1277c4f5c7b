package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// TokenPrefix starts every API token, so a leaked one is recognisable.
const TokenPrefix = "srt_"

// Token is an API bearer token's record. The secret itself is never
// stored: only its SHA-256, so a copy of the database grants no access.
type Token struct {
	ID      int64      `json:"id"`
	Name    string     `json:"name"`
	Created time.Time  `json:"created"`
	Revoked *time.Time `json:"revoked,omitempty"`
}

func hashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CreateToken makes a new API token named name and returns its secret,
// which cannot be recovered later.
func (s *Store) CreateToken(ctx context.Context, name string) (string, Token, error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", Token{}, fmt.Errorf("store: create token: %w", err)
	}
	secret := TokenPrefix + base64.RawURLEncoding.EncodeToString(raw[:])
	now := s.now()
	res, err := s.w.ExecContext(ctx, `INSERT INTO api_tokens (name, hash, created_at) VALUES (?, ?, ?)`, name, hashToken(secret), stamp(now))
	if err != nil {
		return "", Token{}, fmt.Errorf("store: create token: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return "", Token{}, fmt.Errorf("store: create token: %w", err)
	}
	return secret, Token{ID: id, Name: name, Created: now}, nil
}

// CheckToken returns the live token whose secret this is, or ErrNotFound.
func (s *Store) CheckToken(ctx context.Context, secret string) (Token, error) {
	if !strings.HasPrefix(secret, TokenPrefix) {
		return Token{}, fmt.Errorf("store: check token: %w", ErrNotFound)
	}
	var t Token
	var created string
	err := s.r.QueryRowContext(ctx, `SELECT id, name, created_at FROM api_tokens WHERE hash = ? AND revoked_at IS NULL`, hashToken(secret)).
		Scan(&t.ID, &t.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Token{}, fmt.Errorf("store: check token: %w", ErrNotFound)
	}
	if err != nil {
		return Token{}, fmt.Errorf("store: check token: %w", err)
	}
	if t.Created, err = parseStamp(created); err != nil {
		return Token{}, fmt.Errorf("store: token %d: created_at %q: %w", t.ID, created, err)
	}
	return t, nil
}

// Tokens lists every token record, revoked ones included, oldest first.
func (s *Store) Tokens(ctx context.Context) ([]Token, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, created_at, revoked_at FROM api_tokens ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: tokens: %w", err)
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		var t Token
		var created string
		var revoked sql.NullString
		if err := rows.Scan(&t.ID, &t.Name, &created, &revoked); err != nil {
			return nil, fmt.Errorf("store: tokens: %w", err)
		}
		if t.Created, err = parseStamp(created); err != nil {
			return nil, fmt.Errorf("store: token %d: %w", t.ID, err)
		}
		if revoked.Valid {
			r, err := parseStamp(revoked.String)
			if err != nil {
				return nil, fmt.Errorf("store: token %d: %w", t.ID, err)
			}
			t.Revoked = &r
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken disables a token by ID; ErrNotFound if no live token has it.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, stamp(s.now()), id)
	if err != nil {
		return fmt.Errorf("store: revoke token %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: revoke token %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("store: revoke token %d: %w", id, ErrNotFound)
	}
	return nil
}
