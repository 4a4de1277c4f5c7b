// Package config holds sitrep's run-time settings: parsed once from flags
// and SITREP_* environment variables into a plain Config, validated, and
// passed down. Nothing reads configuration from a global.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// Config is the effective configuration of one sitrep invocation.
type Config struct {
	DB           string // database path (SQLite file)
	LogLevel     string // debug, info, warn, error
	LogFormat    string // text or json
	Workers      int    // parallel decode/extract workers
	AllowPrivate bool   // allow fetching private and loopback addresses
}

// Default returns the configuration before flags: SITREP_* environment
// variables over built-in defaults. getenv is os.Getenv outside tests.
func Default(getenv func(string) string) Config {
	c := Config{DB: "sitrep.db", LogLevel: "info", LogFormat: "text", Workers: runtime.NumCPU()}
	if v := getenv("SITREP_DB"); v != "" {
		c.DB = v
	}
	if v := getenv("SITREP_LOG_LEVEL"); v != "" {
		c.LogLevel = v
	}
	if v := getenv("SITREP_LOG_FORMAT"); v != "" {
		c.LogFormat = v
	}
	if v := getenv("SITREP_WORKERS"); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			c.Workers = n
		}
	}
	if v := getenv("SITREP_ALLOW_PRIVATE"); v != "" {
		c.AllowPrivate, _ = strconv.ParseBool(v) // an unparsable value leaves the safe default, false
	}
	return c
}

// Register binds the global flags to c, with c's current values as defaults.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "database `path` (env SITREP_DB)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "log `level`: debug, info, warn, error (env SITREP_LOG_LEVEL)")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "log `format`: text or json (env SITREP_LOG_FORMAT)")
}

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid configuration")

// FieldError names the setting that failed validation.
type FieldError struct {
	Field string
	Value string
	Err   error
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("config: %s=%q: %v", e.Field, e.Value, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

// Validate checks c and returns a *FieldError for the first bad setting.
func (c *Config) Validate() error {
	if strings.TrimSpace(c.DB) == "" {
		return &FieldError{"db", c.DB, fmt.Errorf("%w: empty database path", ErrInvalid)}
	}
	if _, err := c.Level(); err != nil {
		return &FieldError{"log-level", c.LogLevel, fmt.Errorf("%w: %v", ErrInvalid, err)}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return &FieldError{"log-format", c.LogFormat, fmt.Errorf("%w: want text or json", ErrInvalid)}
	}
	if c.Workers < 1 {
		return &FieldError{"workers", strconv.Itoa(c.Workers), fmt.Errorf("%w: want at least 1", ErrInvalid)}
	}
	return nil
}

// Level parses LogLevel.
func (c *Config) Level() (slog.Level, error) {
	var l slog.Level
	err := l.UnmarshalText([]byte(c.LogLevel))
	return l, err
}

// Logger builds the one logger of this process, writing to w.
func (c *Config) Logger(w io.Writer) *slog.Logger {
	lvl, _ := c.Level() // validated before use
	opts := &slog.HandlerOptions{Level: lvl}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// Dump writes the effective configuration, one key=value a line.
func (c *Config) Dump(w io.Writer) {
	fmt.Fprintf(w, "db=%s\nlog-level=%s\nlog-format=%s\nworkers=%d\nallow-private=%v\n",
		c.DB, c.LogLevel, c.LogFormat, c.Workers, c.AllowPrivate)
}

// Env is os.Getenv, named for call sites that pass a getenv function.
func Env(k string) string { return os.Getenv(k) }
