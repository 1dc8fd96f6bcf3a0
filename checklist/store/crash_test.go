//go:build unix

// Failures: a process killed mid-save, a lock held by another process,
// writes that fail. The helper processes are this test binary run again
// with an env var set; without it they skip.

package store

import (
	"github.com/pressend/pressend/checklist"

	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	helperDirEnv  = "PRESSEND_TEST_HELPER_DIR"
	crashKillsEnv = "PRESSEND_CRASH_KILLS"
	crashName     = "crash"
	lockedName    = "held"
)

// helperStarted is a helper process that has said it is ready.
type helperStarted struct {
	cmd *exec.Cmd
	mu  sync.Mutex
	out strings.Builder
}

func (h *helperStarted) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.out.Write(p)
}

func (h *helperStarted) output() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.out.String()
}

// startHelper runs the test named run in a child process and waits until
// it writes "ready" on its fd 3, a pipe kept apart from the test output.
func startHelper(t *testing.T, run, dir string) *helperStarted {
	t.Helper()
	h := &helperStarted{cmd: exec.Command(os.Args[0], "-test.run=^"+run+"$", "-test.count=1")}
	h.cmd.Env = append(os.Environ(), helperDirEnv+"="+dir)
	h.cmd.Stdout, h.cmd.Stderr = h, h
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	h.cmd.ExtraFiles = []*os.File{w}
	err = h.cmd.Start()
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	r.SetReadDeadline(time.Now().Add(30 * time.Second))
	if line, err := bufio.NewReader(r).ReadString('\n'); line != "ready\n" {
		h.cmd.Process.Kill()
		h.cmd.Wait()
		t.Fatalf("helper %s did not start (%v):\n%s", run, err, h.output())
	}
	return h
}

// kill SIGKILLs the helper, which gets no chance to clean up, and reaps it.
func (h *helperStarted) kill(t *testing.T) {
	t.Helper()
	if err := h.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		h.cmd.Wait()
		t.Fatalf("helper ended before it was killed: %v\n%s", err, h.output())
	}
	if err := h.cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("helper: %v, want killed\n%s", err, h.output())
	}
}

// raceBuild reports whether this test binary was built with -race.
func raceBuild() bool {
	info, ok := debug.ReadBuildInfo()
	return ok && slices.Contains(info.Settings, debug.BuildSetting{Key: "-race", Value: "true"})
}

func helperReady(t *testing.T) {
	ready := os.NewFile(3, "ready")
	if _, err := ready.WriteString("ready\n"); err != nil {
		t.Fatal(err)
	}
	ready.Close()
}

// crashAudit is generation gen of the audit the crash helper saves. Every
// part depends on gen (the number and keys of answers, their reasons, a
// note, the cursor), so a file mixing two saves is detectable.
func crashAudit(gen int) *checklist.Audit {
	g := strconv.Itoa(gen)
	states := []checklist.State{checklist.Yes, checklist.No, checklist.Unsure, checklist.NotApplies, checklist.Accepted}
	a := &checklist.Audit{Schema: checklist.SchemaVersion, Name: crashName, PackID: "uk", Cursor: g, Mode: checklist.Full, AdviserNotes: map[string]string{},
		Answers: map[string]checklist.Answer{}, Notes: map[string]string{"gen": strings.Repeat(g+" ", 40)}, Done: map[string]time.Time{},
		Created: storeNow, Updated: storeNow.Add(time.Duration(gen) * time.Second)}
	for i := range gen%37 + 1 {
		a.Answers["q"+strconv.Itoa(i)] = checklist.Answer{State: states[(gen+i)%len(states)], Reason: g, At: a.Updated}
	}
	return a
}

// TestCrashHelper saves ever newer generations of crashAudit until killed.
func TestCrashHelper(t *testing.T) {
	dir := os.Getenv(helperDirEnv)
	if dir == "" {
		t.Skip("helper process for TestCrashSafety")
	}
	st, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := st.OpenSession(crashName)
	if err != nil {
		t.Fatal(err)
	}
	gen := 0
	if a, err := s.Load(); err == nil {
		gen, _ = strconv.Atoi(a.Cursor)
	} else if !errors.Is(err, ErrNotFound) {
		t.Fatal(err)
	}
	helperReady(t)
	// The deadline only matters if the parent dies without killing us.
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); {
		gen++
		if err := s.Save(crashAudit(gen)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCrashSafety kills a process that is saving, again and again, at
// reproducibly random moments, and checks that what is on disk is always
// one whole save, never older than the last one seen, and that the killed
// process's lock and temp files never get in the way. The kills run in two
// lanes at once, each with its own folder, since most of a kill's time is
// the helper process starting; PRESSEND_CRASH_KILLS sets the total for a
// longer soak.
func TestCrashSafety(t *testing.T) {
	kills := 100
	switch {
	case testing.Short():
		kills = 20
	case raceBuild():
		// Under -race each helper spends ~0.4 s starting up (go-runewidth's
		// init builds its tables in instrumented code). The race detector
		// adds nothing here: the save path runs on one goroutine in each
		// process.
		kills = 40
	}
	if v := os.Getenv(crashKillsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number", crashKillsEnv, v)
		}
		kills = n
	}
	const lanes = 2
	for lane := range lanes {
		n := kills / lanes
		if lane == 0 {
			n += kills % lanes
		}
		t.Run(fmt.Sprintf("lane%d", lane+1), func(t *testing.T) {
			t.Parallel()
			crashLane(t, n, uint64(lane))
		})
	}
}

// crashLane kills n helpers in turn, each saving into one folder.
func crashLane(t *testing.T, kills int, seed uint64) {
	st := newStore(t)
	audits := filepath.Join(st.Dir(), "audits")
	rng := rand.New(rand.NewPCG(2026, 11+seed))
	start := time.Now()
	lastGen, midWrite, idle := 0, 0, 0
	for i := range kills {
		h := startHelper(t, "TestCrashHelper", st.Dir())
		time.Sleep(time.Duration(rng.Int64N(int64(15*time.Millisecond) + 1)))
		h.kill(t)

		entries, _ := os.ReadDir(audits)
		for _, e := range entries {
			if isTempFile(crashName, e.Name()) {
				midWrite++
			}
		}
		// A temp file may be lying about; List must not trip over it.
		list, err := st.List()
		if err != nil || len(list) > 1 || len(list) == 1 && (list[0].Name != crashName || list[0].Damaged != "") {
			t.Fatalf("kill %d: List = %+v, %v", i, list, err)
		}
		s, err := st.OpenSession(crashName)
		if err != nil {
			t.Fatalf("kill %d: the killed process's lock is still held: %v", i, err)
		}
		a, err := s.Load()
		s.Close()
		switch {
		case errors.Is(err, ErrNotFound) && lastGen == 0:
			continue // killed before its first save
		case err != nil:
			t.Fatalf("kill %d: after generation %d: %v", i, lastGen, err)
		}
		gen, _ := strconv.Atoi(a.Cursor)
		if want := crashAudit(gen); !reflect.DeepEqual(a, want) {
			t.Fatalf("kill %d: torn or corrupt save:\n got %+v\nwant %+v", i, a, want)
		}
		if gen < lastGen {
			t.Fatalf("kill %d: generation went back from %d to %d", i, lastGen, gen)
		}
		if gen == lastGen {
			idle++
		}
		lastGen = gen
	}
	entries, _ := os.ReadDir(audits)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("stray file left after the last Open: %s", e.Name())
		}
	}
	t.Logf("%d kills in %v: %d saves completed in all, %d kills caught a save mid-write (temp file left), %d came before that run saved anything",
		kills, time.Since(start).Round(time.Millisecond), lastGen, midWrite, idle)
}

// TestLockHelper holds an audit's lock until killed.
func TestLockHelper(t *testing.T) {
	dir := os.Getenv(helperDirEnv)
	if dir == "" {
		t.Skip("helper process for TestLockHeldByAnotherProcess")
	}
	st, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.OpenSession(lockedName); err != nil {
		t.Fatal(err)
	}
	helperReady(t)
	time.Sleep(30 * time.Second)
}

func TestLockHeldByAnotherProcess(t *testing.T) {
	st := newStore(t)
	save(t, st, lockedName, sampleAudit(lockedName))
	h := startHelper(t, "TestLockHelper", st.Dir())
	s, err := st.OpenSession(lockedName)
	if !errors.Is(err, ErrLocked) || s == nil || !s.ReadOnly || !strings.Contains(err.Error(), st.Path(lockedName)) {
		h.kill(t)
		t.Fatalf("Open while another process holds the lock: %+v, %v", s, err)
	}
	if a, err := s.Load(); err != nil || a.Cursor != "c@li" {
		t.Errorf("read-only Load: %v", err)
	}
	if err := s.Save(sampleAudit(lockedName)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only Save: %v", err)
	}
	if _, err := st.Forget(lockedName); !errors.Is(err, ErrLocked) {
		t.Errorf("Forget: %v, want ErrLocked", err)
	}
	s.Close()
	// A crash releases the lock: the next window is not locked out.
	h.kill(t)
	s, err = st.OpenSession(lockedName)
	if err != nil || s.ReadOnly {
		t.Fatalf("Open after the holder was killed: %v", err)
	}
	s.Close()
}

func TestWriteHook(t *testing.T) {
	st := newStore(t)
	s := mustOpen(t, st, "me")
	full := errors.New("no space left on device")
	var gotPath string
	var gotData []byte
	s.SetWriteHook(func(path string, data []byte) error {
		gotPath, gotData = path, data
		return full
	})
	err := s.Save(sampleAudit("me"))
	if !errors.Is(err, full) || !strings.Contains(err.Error(), st.Path("me")) {
		t.Errorf("Save with failing hook: %v; want the hook's error and the path", err)
	}
	if _, err := os.Stat(st.Path("me")); !errors.Is(err, os.ErrNotExist) {
		t.Error("file written although a hook was set")
	}
	if a, err := decodeAudit(gotData); gotPath != st.Path("me") || err != nil || a.Cursor != "c@li" {
		t.Errorf("hook got %q and undecodable data: %v", gotPath, err)
	}
	s.SetWriteHook(nil)
	if err := s.Save(sampleAudit("me")); err != nil {
		t.Error(err)
	}
}

func TestWriteFailuresNamePathAndCause(t *testing.T) {
	st := newStore(t)
	s := mustOpen(t, st, "me")
	// Works as root too, unlike a read-only folder.
	os.RemoveAll(filepath.Join(st.Dir(), "audits"))
	err := s.Save(sampleAudit("me"))
	if err == nil || !strings.Contains(err.Error(), st.Path("me")) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Save into a removed folder: %v", err)
	}

	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	st = newStore(t)
	s = mustOpen(t, st, "me")
	audits := filepath.Join(st.Dir(), "audits")
	os.Chmod(audits, 0o500)
	t.Cleanup(func() { os.Chmod(audits, 0o700) })
	if err := s.Save(sampleAudit("me")); err == nil || !errors.Is(err, os.ErrPermission) || !strings.Contains(err.Error(), st.Path("me")) {
		t.Errorf("Save into a read-only folder: %v", err)
	}
	if entries, _ := os.ReadDir(audits); len(entries) != 1 { // only the lock file
		t.Errorf("left behind: %v", entries)
	}
	// A file that cannot be read cannot be checked, so it is not replaced.
	os.Chmod(audits, 0o700)
	os.WriteFile(st.Path("me"), []byte("secret"), 0o000)
	if _, err := s.Load(); err == nil || errors.As(err, new(*DamagedError)) || errors.Is(err, ErrNotFound) {
		t.Errorf("Load of an unreadable file: %v", err)
	}
	if err := s.Save(sampleAudit("me")); err == nil || !strings.Contains(err.Error(), "could not be checked") {
		t.Errorf("Save over an unreadable file: %v", err)
	}
}
