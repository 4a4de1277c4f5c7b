package config

import (
	"errors"
	"testing"
)

func TestDefaultAndValidate(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantDB  string
		wantErr string // field name of the expected FieldError, "" for none
	}{
		{"defaults", nil, "sitrep.db", ""},
		{"env db", map[string]string{"SITREP_DB": "/tmp/x.db"}, "/tmp/x.db", ""},
		{"bad level", map[string]string{"SITREP_LOG_LEVEL": "loud"}, "sitrep.db", "log-level"},
		{"bad format", map[string]string{"SITREP_LOG_FORMAT": "xml"}, "sitrep.db", "log-format"},
		{"zero workers", map[string]string{"SITREP_WORKERS": "0"}, "sitrep.db", "workers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default(func(k string) string { return tt.env[k] })
			if c.DB != tt.wantDB {
				t.Errorf("Default().DB = %q, want %q", c.DB, tt.wantDB)
			}
			err := c.Validate()
			var fe *FieldError
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.wantErr != "" && (!errors.As(err, &fe) || fe.Field != tt.wantErr || !errors.Is(err, ErrInvalid)):
				t.Errorf("Validate() = %v, want FieldError on %s", err, tt.wantErr)
			}
		})
	}
}
