//go:build unix

// Decoding, damage and migration: what Load makes of the bytes it finds.

package store

import (
	"github.com/pressend/pressend/checklist"

	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// damagedFiles are the ways a saved file can be unusable; each is written at
// the audit's path by its func.
var damagedFiles = []struct {
	name, content, reason string
}{
	{"empty", "", "empty"},
	{"blank", " \n\t", "empty"},
	{"truncated", `{"schema": 2, "name": "me", "answers": {"a": {"state": "y`, "cut short"},
	{"invalid JSON", `{"schema": 2,, }`, "not valid JSON"},
	{"trailing junk", `{"schema": 2} {"schema": 2}`, "not valid JSON"},
	{"not an object", `[{"schema": 2}]`, "JSON object"},
	{"null", `null`, "JSON object"},
	{"answers a number", `{"schema": 2, "answers": 5}`, "answers"},
	{"answer a string", `{"schema": 2, "answers": {"a": "yes"}}`, "answers"},
	{"time a number", `{"schema": 2, "updated": 7}`, "date or time"},
	{"time not a time", `{"schema": 2, "created": "yesterday"}`, "date or time"},
	{"unknown state", `{"schema": 2, "answers": {"a": {"state": "maybe"}}}`, "unknown state"},
	{"unknown account type", `{"schema": 2, "profile": {"accounts": {"x": "corporate"}}}`, "unknown type"},
	{"schema 99", `{"schema": 99, "answers": "new format"}`, "newer pressend"},
	{"schema 0", `{"schema": 0, "answers": {}}`, "no schema"},
	{"schema missing", `{"answers": {}}`, "no schema"},
	{"schema negative", `{"schema": -1}`, "no schema"},
	{"schema a string", `{"schema": "2"}`, "schema"},
	{"v1 answer an object", `{"schema": 1, "answers": {"a": {"state": "yes"}}}`, "answers"},
	{"v1 platforms a map", `{"schema": 1, "profile": {"platforms": {"x": true}}}`, "platforms"},
	{"directory", "", "folder"},
	{"fifo", "", "not a regular file"},
}

func writeDamaged(t *testing.T, path, kind, content string) {
	t.Helper()
	var err error
	switch kind {
	case "directory":
		err = os.Mkdir(path, 0o700)
	case "fifo":
		err = syscall.Mkfifo(path, 0o600)
	default:
		err = os.WriteFile(path, []byte(content), 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// snapshot describes what is at path without opening it unless it is a
// regular file: opening a FIFO to read would block.
func snapshot(t *testing.T, path string) string {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !fi.Mode().IsRegular() {
		return fi.Mode().String()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().String() + " " + string(data)
}

func TestDamagedFilesAreReportedAndKept(t *testing.T) {
	for _, tt := range damagedFiles {
		t.Run(tt.name, func(t *testing.T) {
			st := newStore(t)
			path := st.Path("me")
			writeDamaged(t, path, tt.name, tt.content)
			before := snapshot(t, path)
			s := mustOpen(t, st, "me")
			a, err := s.Load()
			var d *DamagedError
			if a != nil || !errors.As(err, &d) {
				t.Fatalf("Load = %v, %v; want a *DamagedError", a, err)
			}
			if d.Path != path || !strings.Contains(d.Reason, tt.reason) || d.Error() != path+" is damaged: "+d.Reason {
				t.Errorf("error %q (reason %q) should name %s and mention %q", err, d.Reason, path, tt.reason)
			}
			if _, err := st.Read("me"); !errors.As(err, &d) {
				t.Errorf("Read: %v, want a *DamagedError", err)
			}
			err = s.Save(sampleAudit("me"))
			if !errors.As(err, &d) {
				t.Errorf("Save over a damaged file: %v, want a refusal wrapping *DamagedError", err)
			}
			if after := snapshot(t, path); after != before {
				t.Errorf("file changed: %q -> %q", before, after)
			}
			// A fresh session that never loaded it refuses just the same.
			s.Close()
			if err := mustOpen(t, st, "me").Save(sampleAudit("me")); !errors.As(err, &d) {
				t.Errorf("Save without Load: %v", err)
			}
			list, err := st.List()
			if err != nil || len(list) != 1 || list[0].Damaged == "" || list[0].Name != "me" {
				t.Errorf("List = %+v, %v; want me listed as damaged", list, err)
			}
		})
	}
}

func TestSaveAfterDamageOnlyOnceMovedAside(t *testing.T) {
	st := newStore(t)
	path := st.Path("me")
	writeDamaged(t, path, "", `{"schema": 2,`)
	s := mustOpen(t, st, "me")
	if _, err := s.Load(); err == nil {
		t.Fatal("Load succeeded")
	}
	// Repaired by hand while open: still not overwritten by the fresh
	// audit the window started.
	repaired, _ := json.Marshal(sampleAudit("me"))
	os.WriteFile(path, repaired, 0o600)
	if err := s.Save(&checklist.Audit{}); err == nil || !strings.Contains(err.Error(), "was damaged when it was opened") {
		t.Errorf("Save over a file repaired since Load: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, repaired) {
		t.Error("repaired file overwritten")
	}
	moved, err := st.MoveAside("me", storeNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(&checklist.Audit{Cursor: "fresh"}); err != nil {
		t.Fatalf("Save after MoveAside: %v", err)
	}
	if got, _ := os.ReadFile(moved); !bytes.Equal(got, repaired) {
		t.Error("moved-aside copy changed")
	}
}

func TestSaveDoesNotReplaceAnAuditItNeverLoaded(t *testing.T) {
	st := newStore(t)
	save(t, st, "me", sampleAudit("me"))
	before, _ := os.ReadFile(st.Path("me"))
	s := mustOpen(t, st, "me")
	if err := s.Save(&checklist.Audit{}); err == nil || !strings.Contains(err.Error(), "not loaded") {
		t.Errorf("Save over an unloaded audit: %v", err)
	}
	if after, _ := os.ReadFile(st.Path("me")); !bytes.Equal(before, after) {
		t.Error("unloaded audit overwritten")
	}
	if _, err := s.Load(); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(&checklist.Audit{}); err != nil {
		t.Errorf("Save after Load: %v", err)
	}
}

func TestMoveAside(t *testing.T) {
	st := newStore(t)
	if _, err := st.MoveAside("me", storeNow); !errors.Is(err, ErrNotFound) {
		t.Errorf("nothing to move: %v, want ErrNotFound", err)
	}
	london := storeNow.In(time.FixedZone("BST", 3600))
	var paths []string
	for i, content := range []string{"first", "second", "third"} {
		writeDamaged(t, st.Path("me"), "", content)
		to, err := st.MoveAside("me", london)
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.Join(st.Dir(), "audits", "me.damaged-20261123T090000.json")
		if i > 0 {
			want = strings.TrimSuffix(want, ".json") + []string{"", "-2", "-3"}[i] + ".json"
		}
		if to != want {
			t.Errorf("MoveAside #%d = %q, want %q", i+1, to, want)
		}
		paths = append(paths, to)
	}
	for i, p := range paths {
		if got, _ := os.ReadFile(p); string(got) != []string{"first", "second", "third"}[i] {
			t.Errorf("%s holds %q", p, got)
		}
	}
	if _, err := os.Lstat(st.Path("me")); !errors.Is(err, os.ErrNotExist) {
		t.Error("original still there")
	}
	// A folder in the way moves too (no hard link possible).
	writeDamaged(t, st.Path("dir"), "directory", "")
	if to, err := st.MoveAside("dir", storeNow); err != nil || !strings.HasSuffix(to, "dir.damaged-20261123T090000.json") {
		t.Errorf("moving a folder aside: %q, %v", to, err)
	}
}

func TestMigrateSchema1(t *testing.T) {
	st := newStore(t)
	fixture, err := os.ReadFile(filepath.Join("testdata", "schema1-audit.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(st.Path("me"), fixture, 0o600)
	at := func(s string) time.Time { tm, _ := time.Parse(time.RFC3339, s); return tm }
	want := &checklist.Audit{
		Schema: checklist.SchemaVersion, Name: "me", PackID: "uk-health", PackVersion: "2025.1",
		Profile: &checklist.Profile{Role: "doctor", Nation: "scotland", Identifies: true,
			Accounts: map[string]checklist.AccountType{"x": checklist.Personal, "facebook": checklist.Personal}},
		Answers: map[string]checklist.Answer{
			"lookup-phone@facebook": {State: checklist.No}, "location-off@x": {State: checklist.Yes}, "old-posts": {State: checklist.Unsure},
			"practice-page": {State: checklist.NotApplies}, "dm-patients": {State: checklist.Accepted},
		},
		Notes:        map[string]string{"old-posts": "Check 2019 posts from the ward night out"},
		Done:         map[string]time.Time{"location-off@x": at("2025-03-02T10:15:00Z")},
		AdviserNotes: map[string]string{},
		Cursor:       "old-posts", Mode: checklist.Quick, Created: at("2025-03-01T09:00:00Z"), Updated: at("2025-03-02T10:20:00Z"),
		Started: at("2025-03-01T09:00:00Z"),
	}
	s := mustOpen(t, st, "me")
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("migrated:\n got %+v\nwant %+v", got, want)
	}
	if after, _ := os.ReadFile(st.Path("me")); !bytes.Equal(after, fixture) {
		t.Error("Load rewrote the old file")
	}
	if err := s.Save(got); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(st.Path("me"))
	var raw map[string]json.RawMessage
	json.Unmarshal(data, &raw)
	if string(raw["schema"]) != "3" || !bytes.Contains(raw["profile"], []byte(`"accounts"`)) || bytes.Contains(data, []byte("platforms")) {
		t.Errorf("saved file is not schema 3:\n%s", data)
	}
	if again, err := st.Read("me"); err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("reload after migration: %v", err)
	}
}

func TestDecodeIgnoresUnknownFields(t *testing.T) {
	a, err := decodeAudit([]byte(`{"schema": 2, "future": {"x": [1]}, "answers": {"q": {"state": "no", "why": 1}}}`))
	if err != nil || a.Answers["q"].State != checklist.No {
		t.Errorf("decode with unknown fields: %+v, %v", a, err)
	}
}

// FuzzDecodeAudit checks decodeAudit never panics, and that whatever it
// accepts survives a save: encoding it and decoding again changes nothing.
func FuzzDecodeAudit(f *testing.F) {
	v2, _ := json.MarshalIndent(sampleAudit("me"), "", "  ")
	v1, err := os.ReadFile(filepath.Join("testdata", "schema1-audit.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(v2)
	f.Add(v1)
	f.Add(v2[:len(v2)/2])
	for _, d := range damagedFiles {
		f.Add([]byte(d.content))
	}
	f.Add([]byte("\xff\xfe{\x00garbage"))
	f.Add([]byte(`{"schema":1,"profile":null,"answers":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := decodeAudit(data)
		if err != nil {
			if a != nil || err.Error() == "" {
				t.Fatalf("error %q with audit %v", err, a)
			}
			return
		}
		if a.Schema != checklist.SchemaVersion || a.Answers == nil || a.Notes == nil || a.Done == nil {
			t.Fatalf("accepted but not normalised: %+v", a)
		}
		enc, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("accepted but cannot be saved: %v", err)
		}
		b, err := decodeAudit(enc)
		if err != nil {
			t.Fatalf("saved form rejected: %v\n%s", err, enc)
		}
		if enc2, _ := json.Marshal(b); !bytes.Equal(enc, enc2) {
			t.Fatalf("not stable:\n%s\n%s", enc, enc2)
		}
	})
}
