//go:build unix

// Store tests rely on POSIX file semantics (modes, umask, links, FIFOs), so
// they run on Unix, where CI runs.

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

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"
)

var storeNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func newStore(t *testing.T) *Store {
	t.Helper()
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// withUmask sets the process umask for one test. The umask is per process,
// so no test in this package may run in parallel with one using it.
func withUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

// sampleAudit uses every field, so a round trip checks them all.
func sampleAudit(name string) *checklist.Audit {
	done := storeNow.Add(time.Hour)
	return &checklist.Audit{
		Schema: checklist.SchemaVersion, Name: name, PackID: "uk", PackVersion: "2026.1",
		Profile: &checklist.Profile{Role: "doctor", Nation: "wales", Identifies: true, PracticePage: true,
			Accounts: map[string]checklist.AccountType{"x": checklist.Personal, "linkedin": checklist.Professional, "reddit": checklist.Pseudonymous}},
		Answers: map[string]checklist.Answer{
			"a@x":  {State: checklist.No, At: storeNow},
			"b":    {State: checklist.Accepted, Reason: "needed for work \u00e9\"<>", At: storeNow},
			"c@li": {State: checklist.Unsure, At: storeNow.Add(time.Minute)},
		},
		Notes: map[string]string{"a@x": "line one\nline two"}, Done: map[string]time.Time{"b": done},
		AdviserNotes: map[string]string{"b": "member mentioned a complaint"},
		SessionNote:  "shared", AdviserSessionNote: "private",
		Cursor: "c@li", Mode: checklist.Quick, Created: storeNow, Updated: done, Started: storeNow, Completed: &done,
		NextReview: "2027-05-23", Rounds: []checklist.Round{{Completed: done, Mode: checklist.Quick, PackVersion: "2026.1",
			Percent: 64, Band: checklist.BandNeedsWork, Actions: 3, Answers: map[string]checklist.Answer{"a@x": {State: checklist.Yes, At: storeNow}}}},
		Adviser: &checklist.AdviserInfo{Initials: "AB"}, DeleteAfter: "2027-02-21",
		Reports:          []checklist.Report{{Path: "/tmp/plan.html", Format: "html", At: done}},
		CalendarSequence: 2,
	}
}

func mustOpen(t *testing.T, st *Store, name string) *Session {
	t.Helper()
	s, err := st.OpenSession(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func save(t *testing.T, st *Store, name string, a *checklist.Audit) {
	t.Helper()
	s := mustOpen(t, st, name)
	if _, err := s.Load(); err != nil && !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	if err := s.Save(a); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

func TestValidateName(t *testing.T) {
	for _, name := range []string{"me", "ok-name_1.2", "a", "2026", "x.damaged-x", strings.Repeat("a", 64), "console"} {
		if err := ValidateName(name); err != nil {
			t.Errorf("ValidateName(%q) = %v, want nil", name, err)
		}
	}
	for _, name := range []string{"", ".", "..", "a/b", `a\b`, "../x", strings.Repeat("a", 65), "-x", "_x", ".hidden",
		"Me", "a b", "me.damaged-20260101T000000", "é", "a\x00", "con", "nul.json", "lpt1"} {
		err := ValidateName(name)
		if err == nil {
			t.Errorf("ValidateName(%q) = nil, want an error", name)
		} else if !strings.Contains(err.Error(), "not allowed") {
			t.Errorf("ValidateName(%q) = %q: does not say it is not allowed", name, err)
		}
	}
	if err := ValidateName("A"); err == nil || !strings.Contains(err.Error(), "lower-case letters, digits") {
		t.Errorf("error does not say what is allowed: %v", err)
	}
}

func TestDataDir(t *testing.T) {
	t.Cleanup(xdg.Reload) // registered first, so it runs after Setenv restores
	abs := t.TempDir()
	t.Setenv("PRESSEND_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", filepath.Join(abs, "xdg"))
	xdg.Reload()
	cwd, _ := os.Getwd()
	tests := []struct{ override, env, want string }{
		{abs, "/ignored", abs},
		{"rel/dir", "", filepath.Join(cwd, "rel/dir")},
		{"", filepath.Join(abs, "env"), filepath.Join(abs, "env")},
		{"", "from-env", filepath.Join(cwd, "from-env")},
		{"", "", filepath.Join(abs, "xdg", "pressend")},
	}
	for _, tt := range tests {
		t.Setenv("PRESSEND_DATA_DIR", tt.env)
		got, err := DataDir(tt.override)
		if err != nil || got != tt.want {
			t.Errorf("DataDir(%q) with env %q = %q, %v; want %q", tt.override, tt.env, got, err, tt.want)
		}
	}

	t.Setenv("PRESSEND_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "relative/is/ignored")
	t.Setenv("HOME", "")
	os.Unsetenv("HOME")
	xdg.Reload()
	_, err := DataDir("")
	if err == nil || !strings.Contains(err.Error(), "set PRESSEND_DATA_DIR or use --data-dir") {
		t.Errorf("no HOME: err = %v, want the actionable message", err)
	}
	if got, err := DataDir(abs); err != nil || got != abs {
		t.Errorf("no HOME but --data-dir: %q, %v", got, err)
	}
}

func TestOpenStorePermissions(t *testing.T) {
	withUmask(t, 0)
	parent := filepath.Join(t.TempDir(), "parent")
	if err := os.Mkdir(parent, 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(parent, "a", "b")
	st, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Dir() != dir {
		t.Errorf("Dir() = %q, want %q", st.Dir(), dir)
	}
	for _, d := range []string{filepath.Join(parent, "a"), dir, filepath.Join(dir, "audits")} {
		if m := mode(t, d); m != os.ModeDir|0o700 {
			t.Errorf("%s: mode %v, want drwx------", d, m)
		}
	}
	if m := mode(t, parent); m.Perm() != 0o755 {
		t.Errorf("existing parent changed to %v", m)
	}
	if _, err := OpenStore(dir); err != nil {
		t.Errorf("reopening: %v", err)
	}
	if _, err := OpenStore(""); err == nil {
		t.Error("OpenStore(\"\") succeeded")
	}
}

func TestRoundTripAndFileModes(t *testing.T) {
	withUmask(t, 0)
	st := newStore(t)
	want := sampleAudit("ignored")
	s := mustOpen(t, st, "me")
	if _, err := s.Load(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Load of a new audit: %v, want ErrNotFound", err)
	}
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	if want.Name != "me" || want.Schema != checklist.SchemaVersion {
		t.Errorf("Save did not set name and schema: %q %d", want.Name, want.Schema)
	}
	if err := s.Save(want); err != nil {
		t.Fatalf("second save: %v", err)
	}
	s.Close()
	if s.Path != st.Path("me") || st.Path("me") != filepath.Join(st.Dir(), "audits", "me.json") {
		t.Errorf("paths: %q %q", s.Path, st.Path("me"))
	}
	for path, m := range map[string]os.FileMode{st.Path("me"): 0o600, st.lockPath("me"): 0o600} {
		if got := mode(t, path); got != m {
			t.Errorf("%s: mode %v, want %v", path, got, m)
		}
	}
	data, _ := os.ReadFile(st.Path("me"))
	if !bytes.HasSuffix(data, []byte("}\n")) || !bytes.Contains(data, []byte("\n  \"schema\": 3,")) {
		t.Errorf("file is not indented JSON with a trailing newline:\n%s", data)
	}
	s2 := mustOpen(t, st, "me")
	got, err := s2.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if r, err := st.Read("me"); err != nil || !reflect.DeepEqual(r, want) {
		t.Errorf("Read: %v", err)
	}
	// An empty audit comes back with usable maps.
	save(t, st, "empty", &checklist.Audit{})
	if e, err := st.Read("empty"); err != nil || e.Answers == nil || e.Notes == nil || e.Done == nil {
		t.Errorf("empty audit: %+v, %v", e, err)
	}
}

func TestSaveReplacesSymlinkNotTarget(t *testing.T) {
	st := newStore(t)
	outside := filepath.Join(t.TempDir(), "elsewhere.json")
	orig, _ := json.Marshal(sampleAudit("me"))
	if err := os.WriteFile(outside, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.json")
	for name, target := range map[string]string{"linked": outside, "dangling": missing} {
		if err := os.Symlink(target, st.Path(name)); err != nil {
			t.Fatal(err)
		}
		s := mustOpen(t, st, name)
		a, err := s.Load()
		if name == "dangling" && !errors.Is(err, ErrNotFound) || name == "linked" && err != nil {
			t.Fatalf("%s: Load: %v", name, err)
		}
		if a == nil {
			a = sampleAudit(name)
		}
		a.Cursor = "changed"
		if err := s.Save(a); err != nil {
			t.Fatalf("%s: Save: %v", name, err)
		}
		if m := mode(t, st.Path(name)); !m.IsRegular() || m.Perm() != 0o600 {
			t.Errorf("%s: audit path is %v, want a 0600 regular file", name, m)
		}
	}
	if got, _ := os.ReadFile(outside); !bytes.Equal(got, orig) {
		t.Error("the link's target was written through")
	}
	if _, err := os.Lstat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("the dangling link's target was created")
	}
}

func TestLockInSameProcess(t *testing.T) {
	st := newStore(t)
	// flock(2) locks belong to the open file description, so a second
	// open of the lock file conflicts even within one process.
	raw := flock.New(filepath.Join(st.Dir(), "audits", "raw.lock"))
	if ok, err := raw.TryLock(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if ok, err := flock.New(raw.Path()).TryLock(); ok || err != nil {
		t.Fatalf("a second flock.Flock in the same process got the lock: %v %v", ok, err)
	}
	raw.Unlock()

	first := mustOpen(t, st, "me")
	if err := first.Save(sampleAudit("me")); err != nil {
		t.Fatal(err)
	}
	second, err := st.OpenSession("me")
	if !errors.Is(err, ErrLocked) || second == nil || !second.ReadOnly || first.ReadOnly {
		t.Fatalf("second Open = %+v, %v; want a read-only session and ErrLocked", second, err)
	}
	if !strings.Contains(err.Error(), st.Path("me")) {
		t.Errorf("lock error %q does not say which file is in use", err)
	}
	if a, err := second.Load(); err != nil || a.Cursor != "c@li" {
		t.Errorf("read-only Load: %v", err)
	}
	if err := second.Save(sampleAudit("me")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only Save: %v, want ErrReadOnly", err)
	}
	if _, err := st.Forget("me"); !errors.Is(err, ErrLocked) {
		t.Errorf("Forget while open: %v, want ErrLocked", err)
	}
	if err := second.Close(); err != nil {
		t.Error(err)
	}
	if err := first.Close(); err != nil {
		t.Error(err)
	}
	if err := first.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := first.Save(sampleAudit("me")); err == nil {
		t.Error("Save after Close succeeded")
	}
	third := mustOpen(t, st, "me")
	if third.ReadOnly {
		t.Error("lock not released by Close")
	}
}

func TestForget(t *testing.T) {
	st := newStore(t)
	dir := filepath.Join(st.Dir(), "audits")
	save(t, st, "me", sampleAudit("me"))
	save(t, st, "me-2", sampleAudit("me-2"))
	save(t, st, "me.damaged-x", sampleAudit("me.damaged-x")) // another audit, not a copy
	mine := []string{"me.damaged-20260101T000000.json", "me.damaged-20260101T000000-2.json", ".me.json.tmp-123"}
	others := []string{"me.damaged-2026.json", ".me.json.tmp-x", ".me-2.json.tmp-1", "notes.txt"}
	for _, f := range append(mine, others...) {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o600)
	}
	rec, err := st.Forget("me")
	if err != nil {
		t.Fatal(err)
	}
	// The receipt counts what went and lists the reports written from the
	// audit, so they can be deleted by hand; it holds none of the answers.
	if !rec.AuditFile || rec.Damaged != 2 || rec.Temps != 1 || !rec.LockFile || len(rec.Reports) != 1 || rec.Reports[0].Path != "/tmp/plan.html" {
		t.Errorf("receipt = %+v", rec)
	}
	for _, f := range append(mine, "me.json", "me.lock") {
		if _, err := os.Lstat(filepath.Join(dir, f)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s not deleted", f)
		}
	}
	for _, f := range append(others, "me-2.json", "me-2.lock", "me.damaged-x.json") {
		if _, err := os.Lstat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s deleted: %v", f, err)
		}
	}
	if _, err := st.Forget("me"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Forget again: %v, want ErrNotFound", err)
	}
	if _, err := os.Lstat(filepath.Join(dir, "me.lock")); !errors.Is(err, os.ErrNotExist) {
		t.Error("Forget of nothing left a lock file")
	}
	// Only a moved-aside copy left: still something to forget.
	os.WriteFile(filepath.Join(dir, "only.damaged-20260101T000000.json"), nil, 0o600)
	if _, err := st.Forget("only"); err != nil {
		t.Error(err)
	}
	if _, err := st.Forget("../x"); err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("Forget of a bad name: %v", err)
	}
}

func TestListAndTempFiles(t *testing.T) {
	st := newStore(t)
	if list, err := st.List(); err != nil || len(list) != 0 {
		t.Fatalf("empty store: %v, %v", list, err)
	}
	dir := filepath.Join(st.Dir(), "audits")
	done := sampleAudit("b")
	save(t, st, "b", done)
	partial := &checklist.Audit{Answers: map[string]checklist.Answer{"q": {State: checklist.Yes}}, Updated: storeNow}
	save(t, st, "a-1", partial)
	os.WriteFile(st.Path("a"), []byte("{"), 0o600)
	for _, f := range []string{".b.json.tmp-42", ".hidden.json", "b.damaged-20260101T000000.json", "Bad Name.json", "readme.txt", "a.lock"} {
		os.WriteFile(filepath.Join(dir, f), []byte("{}"), 0o600)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	list, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	want := []AuditInfo{
		{Name: "a", Path: st.Path("a"), Damaged: list[0].Damaged},
		{Name: "a-1", Path: st.Path("a-1"), Updated: storeNow, Answers: 1},
		{Name: "b", Path: st.Path("b"), Updated: done.Updated, Answers: 3, Completed: true},
	}
	if !reflect.DeepEqual(list, want) || list[0].Damaged == "" {
		t.Errorf("List:\n got %+v\nwant %+v", list, want)
	}
	// Open clears temp files a crash left for that audit, and only those.
	mustOpen(t, st, "b")
	if _, err := os.Lstat(filepath.Join(dir, ".b.json.tmp-42")); !errors.Is(err, os.ErrNotExist) {
		t.Error("stale temp file kept")
	}
	if _, err := os.Lstat(filepath.Join(dir, ".hidden.json")); err != nil {
		t.Error("unrelated dotfile removed")
	}
}

func TestAddReportAndCalendarSequence(t *testing.T) {
	st := newStore(t)
	save(t, st, "me", sampleAudit("me"))
	if err := st.AddReport("me", checklist.Report{Path: "/tmp/x.md", Format: "markdown", At: storeNow}); err != nil {
		t.Fatal(err)
	}
	for want := 3; want <= 4; want++ {
		if n, err := st.NextCalendarSequence("me"); err != nil || n != want {
			t.Fatalf("sequence = %d, %v; want %d", n, err, want)
		}
	}
	a, _ := st.Read("me")
	if len(a.Reports) != 2 || a.CalendarSequence != 4 {
		t.Fatalf("audit after: %+v", a)
	}
	s := mustOpen(t, st, "me")
	if err := st.AddReport("me", checklist.Report{}); !errors.Is(err, ErrLocked) {
		t.Errorf("recording while another window has it open: %v", err)
	}
	_ = s
}
